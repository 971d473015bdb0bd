//! What the kiosk keeps between sessions — its key and the ticket counter — and nothing else.
use intake::handoff::{KeyPair, Ticket};
use web_sys::Storage;

const KIOSK_KEY: &str = "kiosk-key";
const TICKET: &str = "ticket";

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

/// The next ticket number: per kiosk, restarting each day, wrapping after 999.
pub fn next_ticket(prefix: char, today: &str) -> Ticket {
    let stored = storage().and_then(|s| s.get_item(TICKET).ok().flatten());
    let last = stored.as_deref().and_then(|v| {
        let (day, n) = v.split_once(':')?;
        Some((day, n.parse::<u16>().ok()?))
    });
    let ticket = Ticket::next(u8::try_from(prefix).unwrap_or(b'A'), last, today);
    if let Some(s) = storage() {
        let _ = s.set_item(TICKET, &format!("{today}:{}", ticket.number));
    }
    ticket
}
