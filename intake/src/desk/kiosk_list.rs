//! The desk's enrolled kiosks as kept on the device: the list in the clear and, beside it,
//! the same list sealed under a key derived from the staff key. A list changed outside the
//! desk — a stolen kiosk restored, or a kiosk added, through the browser storage of a locked
//! device — no longer matches its seal and is not used: its codes would open as genuine, and
//! an export would carry it, sealed, to the other desks.
use super::under_key::{UnderKey, UnderKeyError, open, seal};
use crate::handoff::{EnrolledKiosk, KeyPair};
use serde::{Deserialize, Serialize};

const PURPOSE: &[u8] = b"kiosk list at rest v1";

/// The kiosk list as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptKiosks {
    pub kiosks: Vec<EnrolledKiosk>,
    seal: UnderKey,
}

impl KeptKiosks {
    /// `kiosks`, sealed under `pair`.
    pub fn keep(pair: &KeyPair, kiosks: &[EnrolledKiosk]) -> Result<KeptKiosks, UnderKeyError> {
        let plain = serde_json::to_vec(kiosks).map_err(|_| UnderKeyError::Damaged)?;
        Ok(KeptKiosks {
            kiosks: kiosks.to_vec(),
            seal: seal(pair, PURPOSE, &plain)?,
        })
    }

    /// The list, when its seal opens with one of `keys` and holds the same list.
    pub fn verified(&self, keys: &[KeyPair]) -> Option<Vec<EnrolledKiosk>> {
        let plain = open(keys, PURPOSE, &self.seal).ok()?;
        let sealed: Vec<EnrolledKiosk> = serde_json::from_slice(&plain).ok()?;
        (sealed == self.kiosks).then_some(sealed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Minutes;
    use crate::handoff::{KioskLetter, KioskState};

    #[test]
    fn a_list_changed_outside_the_desk_is_not_used() {
        let staff = KeyPair::generate().expect("a key");
        let mut stolen = EnrolledKiosk::enrolled(
            KeyPair::generate().expect("a key").public().clone(),
            KioskLetter::DEFAULT,
            Minutes(10),
        );
        stolen.set_state(KioskState::Revoked, Minutes(20));
        let kept = KeptKiosks::keep(&staff, std::slice::from_ref(&stolen)).expect("seals");
        let keys = std::slice::from_ref(&staff);
        assert_eq!(kept.verified(keys), Some(vec![stolen.clone()]));
        let text = serde_json::to_string(&kept).expect("json");
        let back: KeptKiosks = serde_json::from_str(&text).expect("parses");
        assert_eq!(back.verified(keys), Some(vec![stolen]));
        // Restored in the browser's storage: refused.
        let mut changed = back.clone();
        changed.kiosks[0].set_state(KioskState::Restored, Minutes(30));
        assert_eq!(changed.verified(keys), None);
        let other = KeyPair::generate().expect("a key");
        assert_eq!(back.verified(&[other]), None);
    }
}
