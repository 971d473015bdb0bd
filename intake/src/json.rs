//! Reading JSON files (the centre configuration, language catalogues) with errors that say
//! where the problem is.
use serde::de::DeserializeOwned;

/// A JSON reading error: where (a path like `hotlines[1].number`, or `(file)` when the
/// path is not tracked or is the whole file) and what (serde's message with line and column).
pub(crate) struct JsonError {
    pub place: String,
    pub message: String,
}

/// Reads `text` as a `T`, naming the path of a wrong entry.
#[cfg(feature = "field-paths")]
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        JsonError {
            place: if path == "." {
                "(file)".to_owned()
            } else {
                path
            },
            message: e.into_inner().to_string(),
        }
    })?;
    // Anything after the value is an error, as in `serde_json::from_str` (the kiosk's way):
    // the handoff tool must not pass a file the kiosk refuses.
    de.end().map_err(|e| JsonError {
        place: "(file)".to_owned(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// Reads `text` as a `T`; the message names the line and column of a wrong entry.
#[cfg(not(feature = "field-paths"))]
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|e| JsonError {
        place: "(file)".to_owned(),
        message: e.to_string(),
    })
}
