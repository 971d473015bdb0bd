//! What the kiosk keeps between sessions — its key, its setup PIN, the staff key pinned at
//! pairing, its letter and the ticket counter — and nothing else, through `storage`.
use crate::storage::{self, Kept};
use intake::handoff::{KeyPair, KioskLetter, Ticket};
use intake::pairing::PinRecord;
use intake::two::Two;
use serde::{Deserialize, Serialize};

pub const KIOSK_KEY: &str = "kiosk-key";
pub const TICKET: &str = "ticket";
pub const PIN: &str = "kiosk-pin";
pub const PINNED_STAFF_KEY: &str = "kiosk-pinned-staff-key";
pub const LETTER: &str = "kiosk-letter";

/// The kiosk's private key as kept: 64 hexadecimal characters that make a key pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
struct PrivateHex(String);

impl TryFrom<String> for PrivateHex {
    type Error = String;

    fn try_from(hex: String) -> Result<Self, String> {
        KeyPair::from_private_hex(&hex)
            .map(|_| PrivateHex(hex))
            .map_err(|e| e.to_string())
    }
}

impl From<PrivateHex> for String {
    fn from(k: PrivateHex) -> String {
        k.0
    }
}

/// The kiosk's letter as kept: the letter itself ("C"), as staff read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
struct KeptLetter(KioskLetter);

impl TryFrom<String> for KeptLetter {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let mut chars = text.chars();
        match (chars.next().and_then(KioskLetter::from_char), chars.next()) {
            (Some(l), None) => Ok(KeptLetter(l)),
            _ => Err(format!("not a kiosk letter: {text:?}")),
        }
    }
}

impl From<KeptLetter> for String {
    fn from(l: KeptLetter) -> String {
        l.0.to_string()
    }
}

/// The ticket counter: the day of the last ticket and its number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TicketCount {
    day: String,
    number: u16,
}

/// The kiosk's key pair, made on first use and kept on the device. `None` when the kept key
/// is unreadable: it is not replaced (the setup page reports it and offers a new one).
pub fn kiosk_key() -> Option<KeyPair> {
    match storage::load::<PrivateHex>(KIOSK_KEY) {
        Kept::Value(PrivateHex(hex)) => KeyPair::from_private_hex(&hex).ok(),
        Kept::Unreadable => None,
        Kept::Absent => {
            let pair = KeyPair::generate().ok()?;
            storage::keep(KIOSK_KEY, &PrivateHex(pair.private_hex())).then_some(pair)
        }
    }
}

/// Makes a new kiosk key in place of an unreadable one (the kiosk must be enrolled again).
pub fn replace_kiosk_key() -> Option<KeyPair> {
    let pair = KeyPair::generate().ok()?;
    storage::replace_unreadable(KIOSK_KEY, &PrivateHex(pair.private_hex())).then_some(pair)
}

/// The kiosk's private key as kept, for the sealing worker (which makes one on first use
/// when there is none: `Absent`). `Unreadable` means no code can be made.
pub fn kiosk_private_hex() -> Kept<String> {
    match storage::load::<PrivateHex>(KIOSK_KEY) {
        Kept::Value(PrivateHex(hex)) => Kept::Value(hex),
        Kept::Absent => Kept::Absent,
        Kept::Unreadable => Kept::Unreadable,
    }
}

/// Keeps a kiosk key the sealing worker made on first use.
pub fn keep_kiosk_private_hex(hex: &str) -> bool {
    PrivateHex::try_from(hex.to_owned()).is_ok_and(|k| storage::keep(KIOSK_KEY, &k))
}

/// This kiosk's letter (A–H), chosen on its setup page; `A` until one is chosen (and while
/// the kept one is unreadable, which the setup page reports).
pub fn letter() -> KioskLetter {
    storage::load::<KeptLetter>(LETTER)
        .value()
        .map_or(KioskLetter::DEFAULT, |l| l.0)
}

/// Keeps this kiosk's letter (the setup page's choice, over an unreadable one too).
pub fn keep_letter(letter: KioskLetter) -> bool {
    storage::replace_unreadable(LETTER, &KeptLetter(letter))
}

/// The next ticket number: per kiosk, restarting each day, wrapping after 999. An unreadable
/// counter starts again at 1 — the one kept value replaced without asking, as a queue
/// number must be given now — and the restart is kept on record for the setup page.
pub fn next_ticket(letter: KioskLetter, today: &str) -> Ticket {
    let last = match storage::load::<TicketCount>(TICKET) {
        Kept::Value(count) => Some(count),
        Kept::Absent => None,
        Kept::Unreadable => {
            storage::note_restarted(TICKET, today);
            None
        }
    };
    let ticket = Ticket::next(
        letter,
        last.as_ref().map(|c| (c.day.as_str(), c.number)),
        today,
    );
    let count = TicketCount {
        day: today.to_owned(),
        number: ticket.number,
    };
    storage::replace_unreadable(TICKET, &count);
    ticket
}

/// The setup PIN's record, as kept.
pub fn pin() -> Kept<PinRecord> {
    storage::load(PIN)
}

/// Keeps the setup PIN's record (after each attempt).
pub fn keep_pin(record: &PinRecord) -> bool {
    storage::keep(PIN, record)
}

/// Sets a new setup PIN: the first, or in place of an unreadable record (a choice made on
/// the setup page, which says the old record could not be read).
pub fn set_pin(record: &PinRecord) -> bool {
    storage::replace_unreadable(PIN, record)
}

/// The staff key pinned at pairing, whole (64 hexadecimal characters), as kept. An
/// unreadable pin is never read as "not paired": with the demo key configured, that would
/// let the kiosk seal to a key whose private half is public.
pub fn pinned_staff_key() -> Kept<String> {
    storage::load(PINNED_STAFF_KEY)
}

/// Pins the whole staff key (at pairing, or a change confirmed with the PIN).
pub fn pin_staff_key(public_hex: &str) -> bool {
    storage::replace_unreadable(PINNED_STAFF_KEY, &public_hex)
}

/// Reads every kept value once, so that `storage::unreadable` lists each that no longer
/// parses (the setup page calls it before drawing).
pub fn check_kept() {
    let _ = storage::load::<PrivateHex>(KIOSK_KEY);
    let _ = storage::load::<TicketCount>(TICKET);
    let _ = storage::load::<PinRecord>(PIN);
    let _ = storage::load::<String>(PINNED_STAFF_KEY);
    let _ = storage::load::<KeptLetter>(LETTER);
}

/// What a kept value is, and what to do when it cannot be read.
pub fn describe(name: &str) -> (Two, &'static str) {
    match name {
        KIOSK_KEY => (
            Two::new(
                "Khoá của máy này: máy không tạo được mã cho đến khi có khoá mới. Bấm “Tạo khoá mới”, rồi đăng ký lại máy ở bàn tiếp đón.",
                "This kiosk's key: no codes until it has a new one. Press “Make a new key”, then enrol the kiosk again at the desk.",
            ),
            "kiosk-key",
        ),
        TICKET => (
            Two::new(
                "Bộ đếm số phiếu: đã bắt đầu lại từ 1.",
                "The ticket counter: it started again at 1.",
            ),
            "ticket",
        ),
        PIN => (
            Two::new(
                "Mã PIN cài đặt: đặt mã mới khi mở trang này.",
                "The setup PIN: set a new one when opening this page.",
            ),
            "pin",
        ),
        PINNED_STAFF_KEY => (
            Two::new(
                "Khoá nhân viên đã ghim: máy không tạo mã cho đến khi ghim lại (so dấu vân tay với bàn tiếp đón).",
                "The pinned staff key: no codes until it is pinned again (compare the fingerprint with the desk).",
            ),
            "pinned",
        ),
        LETTER => (
            Two::new(
                "Chữ của máy: đang dùng A cho đến khi chọn lại.",
                "This kiosk's letter: A until it is chosen again.",
            ),
            "letter",
        ),
        _ => (Two::new("", ""), ""),
    }
}
