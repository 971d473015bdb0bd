//! The journal of a push to Primero: which cases are on the instance and which of their
//! flags were posted. Kept after every step, so a push that was interrupted (a network cut,
//! a closed laptop) resumes where it stopped; Primero's flag endpoint keeps every post, so a
//! case whose flags are not all journalled has its flags read back before any is posted.
//! It names cases and holds flag messages: it is sealed under the staff key.
use crate::desk::under_key::{UnderKey, UnderKeyError, open, seal};
use crate::handoff::KeyPair;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const PURPOSE: &[u8] = b"primero push journal v1";

/// What the journal knows of one case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Primero has the case (created by a push, or found there with 409).
    pub on_instance: bool,
    /// The flag messages known to be on the case.
    pub flags: Vec<String>,
}

impl Progress {
    /// The flags of `wanted` not known to be on the case, in order.
    pub fn missing<'a>(&self, wanted: &'a [String]) -> Vec<&'a String> {
        wanted.iter().filter(|m| !self.flags.contains(m)).collect()
    }
}

/// Every case a push has touched, by instance (its address) and Primero id: a push to a
/// training instance says nothing of the live one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    instances: BTreeMap<String, BTreeMap<String, Progress>>,
}

impl Journal {
    /// What is known of case `id` on instance `at`.
    pub fn progress(&self, at: &str, id: &str) -> Progress {
        self.instances
            .get(at)
            .and_then(|cases| cases.get(id))
            .cloned()
            .unwrap_or_default()
    }

    fn entry(&mut self, at: &str, id: &str) -> &mut Progress {
        self.instances
            .entry(at.to_owned())
            .or_default()
            .entry(id.to_owned())
            .or_default()
    }

    /// Case `id` is on instance `at`.
    pub fn on_instance(&mut self, at: &str, id: &str) {
        self.entry(at, id).on_instance = true;
    }

    /// Flag `message` is on case `id` of instance `at`.
    pub fn flag_there(&mut self, at: &str, id: &str, message: &str) {
        let p = self.entry(at, id);
        if !p.flags.iter().any(|m| m == message) {
            p.flags.push(message.to_owned());
        }
    }

    /// The journal sealed under `pair`, as text for a file.
    pub fn seal(&self, pair: &KeyPair) -> Result<String, UnderKeyError> {
        let plain =
            zeroize::Zeroizing::new(serde_json::to_vec(self).map_err(|_| UnderKeyError::Damaged)?);
        let sealed = seal(pair, PURPOSE, &plain)?;
        serde_json::to_string(&sealed).map_err(|_| UnderKeyError::Damaged)
    }

    /// Opens a journal file with whichever of `keys` sealed it.
    pub fn open(text: &str, keys: &[KeyPair]) -> Result<Journal, UnderKeyError> {
        let sealed: UnderKey = serde_json::from_str(text).map_err(|_| UnderKeyError::Damaged)?;
        let plain = open(keys, PURPOSE, &sealed)?;
        serde_json::from_slice(&plain).map_err(|_| UnderKeyError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_round_trips_sealed_and_knows_what_is_missing() {
        let pair = KeyPair::generate().expect("a key");
        let mut j = Journal::default();
        let live = "https://primero.example";
        j.on_instance(live, "a");
        j.flag_there(live, "a", "urgent");
        j.flag_there(live, "a", "urgent");
        let text = j.seal(&pair).expect("seals");
        assert!(!text.contains("urgent"));
        let back = Journal::open(&text, std::slice::from_ref(&pair)).expect("opens");
        assert_eq!(back, j);
        let wanted = vec!["urgent".to_owned(), "interpreter".to_owned()];
        assert_eq!(back.progress(live, "a").missing(&wanted), vec![&wanted[1]]);
        assert_eq!(back.progress(live, "b"), Progress::default());
        assert_eq!(
            back.progress("https://training.example", "a"),
            Progress::default(),
            "another instance knows nothing of it"
        );
        let other = KeyPair::generate().expect("a key");
        assert_eq!(Journal::open(&text, &[other]), Err(UnderKeyError::NoKey));
    }
}
