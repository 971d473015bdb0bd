//! What the staff device keeps: the wrapped staff key, the enrolled kiosks, and the ids of
//! opened handoffs (ids only). Never an answer.
use intake::desk::replay::ReplayMemory;
use intake::desk::stats::Statistics;
use intake::desk::wrap::WrappedKey;
use intake::handoff::{EnrolledKiosk, KioskLetter, PublicKey};
use web_sys::Storage;

const WRAPPED_KEY: &str = "staff-wrapped-key";
const KIOSKS: &str = "staff-kiosks";
const OPENED: &str = "staff-opened-ids";
const STATISTICS: &str = "staff-statistics";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// The wrapped staff key, if one was made or imported here.
pub fn wrapped_key() -> Option<WrappedKey> {
    WrappedKey::parse(&get(WRAPPED_KEY)?).ok()
}

/// Keeps the wrapped staff key.
pub fn keep_wrapped_key(w: &WrappedKey) -> bool {
    set(WRAPPED_KEY, &w.to_json())
}

/// The enrolled kiosks: one `hex-public-key state letter last-seen-minutes` per line.
pub fn kiosks() -> Vec<EnrolledKiosk> {
    get(KIOSKS)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let public = PublicKey::from_hex(parts.next()?).ok()?;
            let revoked = parts.next() == Some("revoked");
            let letter = parts
                .next()
                .and_then(|l| l.chars().next())
                .and_then(KioskLetter::from_char)
                .unwrap_or(KioskLetter::DEFAULT);
            let last_seen_minutes = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
            Some(EnrolledKiosk {
                public,
                letter,
                revoked,
                last_seen_minutes,
            })
        })
        .collect()
}

/// Keeps the enrolled kiosks.
pub fn keep_kiosks(kiosks: &[EnrolledKiosk]) -> bool {
    let text: String = kiosks
        .iter()
        .map(|k| {
            format!(
                "{} {} {} {}\n",
                k.public.to_hex(),
                if k.revoked { "revoked" } else { "active" },
                k.letter,
                k.last_seen_minutes
            )
        })
        .collect();
    set(KIOSKS, &text)
}

/// The ids of opened handoffs.
pub fn opened() -> ReplayMemory {
    ReplayMemory::from_text(&get(OPENED).unwrap_or_default())
}

/// Keeps the ids of opened handoffs.
pub fn keep_opened(memory: &ReplayMemory) -> bool {
    set(OPENED, &memory.to_text())
}

/// The anonymous counts (month × service × age band × sex; no ids).
pub fn statistics() -> Statistics {
    Statistics::from_store_text(&get(STATISTICS).unwrap_or_default())
}

/// Keeps the anonymous counts.
pub fn keep_statistics(stats: &Statistics) -> bool {
    set(STATISTICS, &stats.to_store_text())
}

/// Asks the browser to keep this origin's storage: a cleared browser would lose the staff
/// key and leave every waiting code unreadable.
pub fn ask_persistent_storage() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}
