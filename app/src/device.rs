//! What the kiosk keeps between sessions — its key, its setup PIN, the staff key pinned at
//! pairing, its letter and the ticket counter — and nothing else.
use intake::handoff::{KeyPair, KioskLetter, Ticket};
use intake::pairing::PinRecord;
use web_sys::Storage;

const KIOSK_KEY: &str = "kiosk-key";
const TICKET: &str = "ticket";
const PIN: &str = "kiosk-pin";
const PINNED_STAFF_KEY: &str = "kiosk-pinned-staff-key";
const LETTER: &str = "kiosk-letter";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The kiosk's key pair, made on first use and kept on the device.
pub fn kiosk_key() -> Option<KeyPair> {
    let store = storage()?;
    if let Some(hex) = store.get_item(KIOSK_KEY).ok().flatten()
        && let Ok(pair) = KeyPair::from_private_hex(&hex)
    {
        return Some(pair);
    }
    let pair = KeyPair::generate().ok()?;
    store.set_item(KIOSK_KEY, &pair.private_hex()).ok()?;
    Some(pair)
}

/// The kiosk's private key as kept, for the sealing worker (which makes one on first use).
pub fn kiosk_private_hex() -> Option<String> {
    storage()?.get_item(KIOSK_KEY).ok()?
}

/// Keeps a kiosk key the sealing worker made on first use.
pub fn keep_kiosk_private_hex(hex: &str) -> bool {
    storage().is_some_and(|s| s.set_item(KIOSK_KEY, hex).is_ok())
}

/// This kiosk's letter (A–H), chosen on its setup page; `A` until one is chosen.
pub fn letter() -> KioskLetter {
    storage()
        .and_then(|s| s.get_item(LETTER).ok().flatten())
        .and_then(|v| v.chars().next())
        .and_then(KioskLetter::from_char)
        .unwrap_or(KioskLetter::DEFAULT)
}

/// Keeps this kiosk's letter.
pub fn keep_letter(letter: KioskLetter) -> bool {
    storage().is_some_and(|s| s.set_item(LETTER, &letter.to_string()).is_ok())
}

/// The next ticket number: per kiosk, restarting each day, wrapping after 999.
pub fn next_ticket(letter: KioskLetter, today: &str) -> Ticket {
    let stored = storage().and_then(|s| s.get_item(TICKET).ok().flatten());
    let last = stored.as_deref().and_then(|v| {
        let (day, n) = v.split_once(':')?;
        Some((day, n.parse::<u16>().ok()?))
    });
    let ticket = Ticket::next(letter, last, today);
    if let Some(s) = storage() {
        let _ = s.set_item(TICKET, &format!("{today}:{}", ticket.number));
    }
    ticket
}

/// The setup PIN's record, if one was set.
pub fn pin() -> Option<PinRecord> {
    serde_json::from_str(&storage()?.get_item(PIN).ok()??).ok()
}

/// Keeps the setup PIN's record (after setting it, and after each attempt).
pub fn keep_pin(record: &PinRecord) -> bool {
    let Ok(text) = serde_json::to_string(record) else {
        return false;
    };
    storage().is_some_and(|s| s.set_item(PIN, &text).is_ok())
}

/// The fingerprint of the staff key pinned at pairing.
pub fn pinned_staff_key() -> Option<String> {
    storage()?.get_item(PINNED_STAFF_KEY).ok()?
}

/// Pins the staff key's fingerprint (at pairing, or a change confirmed with the PIN).
pub fn pin_staff_key(fingerprint: &str) -> bool {
    storage().is_some_and(|s| s.set_item(PINNED_STAFF_KEY, fingerprint).is_ok())
}
