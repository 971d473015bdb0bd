//! Saves text as a file on the staff device (exports and the key backup).
use wasm_bindgen::JsCast;

/// How long a download's link stays valid when nothing else revokes it: revoking at once
/// can cancel a download the browser has not finished writing.
const KEEP_LINK_MS: u32 = 120_000;

/// Offers `text` as a download named `name`. Returns false when the browser refuses.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(url) = download_keeping_link(name, mime, text) else {
        return false;
    };
    leptos::prelude::set_timeout(
        move || revoke(&url),
        std::time::Duration::from_millis(u64::from(KEEP_LINK_MS)),
    );
    true
}

/// Revokes a link made by [`download_keeping_link`].
pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Offers `text` as a download and returns its link, valid until [`revoke`] (the key
/// backup's stays valid until the saved file has been loaded back and checked).
pub fn download_keeping_link(name: &str, mime: &str, text: &str) -> Option<String> {
    let document = web_sys::window().and_then(|w| w.document())?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Some(url)
}
