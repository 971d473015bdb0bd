//! What the staff device keeps: the wrapped staff keys, the enrolled kiosks, the ids of
//! opened handoffs (ids only), the anonymous counts and the recorded cases, both sealed
//! under the staff key (docs/retention.md says how long each) — never an answer in
//! the clear — as serde types through `storage`. A value that no longer parses is listed by `storage::unreadable` (the
//! desk shows it) and is not written over by accident.
use crate::storage::{self, Kept};
use intake::clock::{Minutes, Span};
use intake::desk::keyring::{Keyring, WrappedKeyring};
use intake::desk::kiosk_list::KeptKiosks;
use intake::desk::recording::DeskBook;
use intake::desk::records::Records;
use intake::desk::replay::ReplayMemory;
use intake::desk::stats::{SealedStatistics, Statistics};
use intake::handoff::EnrolledKiosk;
use intake::two::Two;

pub const KEYRING: &str = "staff-keyring";
pub const KIOSKS: &str = "staff-kiosks";
pub const OPENED: &str = "staff-opened-ids";
pub const STATISTICS: &str = "staff-statistics";
pub const CASES: &str = "staff-cases";
/// A random name for this desk, inside its statistics months (so a report needs each desk
/// once).
pub const DESK_NAME: &str = "staff-desk-name";

/// The desk's staff keys, wrapped, as kept.
pub fn keyring() -> Kept<WrappedKeyring> {
    storage::load(KEYRING)
}

/// Keeps the desk's wrapped staff keys: made here, imported from a backup, or changed while
/// unlocked (staff's choice, so it replaces an unreadable one).
pub fn keep_keyring(w: &WrappedKeyring) -> bool {
    storage::replace_unreadable(KEYRING, w)
}

/// The enrolled kiosks, when the kept list is the desk's own (its seal, under the staff
/// key, holds the same list); `Err` when it was changed outside the desk — then it is marked
/// unreadable: not used, not written over, until staff start it again.
#[allow(clippy::result_unit_err)]
pub fn kiosks(ring: &Keyring) -> Result<Vec<EnrolledKiosk>, ()> {
    match storage::load::<KeptKiosks>(KIOSKS) {
        Kept::Value(kept) => match kept.verified(&ring.pairs()) {
            Some(list) => Ok(list),
            None => {
                storage::mark_unreadable(KIOSKS);
                Err(())
            }
        },
        Kept::Absent | Kept::Unreadable => Ok(Vec::new()),
    }
}

/// Keeps the enrolled kiosks, sealed under the current staff key (refused while the kept
/// list is unreadable).
pub fn keep_kiosks(ring: &Keyring, kiosks: &[EnrolledKiosk]) -> bool {
    KeptKiosks::keep(ring.current(), kiosks).is_ok_and(|kept| storage::keep(KIOSKS, &kept))
}

/// The ids of opened handoffs, as kept (unreadable: a second scan cannot be noticed).
pub fn opened_kept() -> Kept<ReplayMemory> {
    storage::load(OPENED)
}

/// Keeps the ids of opened handoffs.
pub fn keep_opened(memory: &ReplayMemory) -> bool {
    storage::keep(OPENED, memory)
}

/// This desk's name for its statistics months: made once, at random.
pub fn desk_name() -> String {
    if let Some(name) = storage::load::<String>(DESK_NAME).value() {
        return name;
    }
    let name = intake::handoff::HandoffId::random()
        .map(|id| id.to_string())
        .unwrap_or_else(|| "desk".to_owned());
    storage::keep(DESK_NAME, &name);
    name
}

/// The counts, opened with the desk's keys (a month sealed under a key since deleted stays
/// kept, sealed, until its time); months whose time has come are reduced, and kept so.
pub fn statistics(ring: &Keyring, now: Minutes) -> Statistics {
    let keys = ring.pairs();
    let kept = storage::load::<SealedStatistics>(STATISTICS)
        .value()
        .unwrap_or_default();
    let (mut stats, _) = kept.open(&keys);
    if stats.maintain(ring.now(now))
        && let Ok(sealed) = kept.updated(&stats, ring.current(), &keys)
    {
        storage::keep(STATISTICS, &sealed);
    }
    stats
}

/// The recorded cases (sealed) and the counts, as kept; `None` while either cannot be read
/// (then nothing is recorded: the desk says so above).
pub fn book(ring: &Keyring, now: Minutes) -> Option<DeskBook> {
    let records = storage::load::<Records>(CASES);
    let statistics = storage::load::<SealedStatistics>(STATISTICS);
    if matches!(records, Kept::Unreadable) || matches!(statistics, Kept::Unreadable) {
        return None;
    }
    Some(DeskBook {
        records: records.value().unwrap_or_default(),
        statistics: self::statistics(ring, now),
    })
}

/// Keeps the book, the counts sealed under the current staff key; returns whether all of
/// it was kept.
pub fn keep_book(ring: &Keyring, book: &DeskBook) -> bool {
    let kept = storage::load::<SealedStatistics>(STATISTICS)
        .value()
        .unwrap_or_default();
    let Ok(sealed) = kept.updated(&book.statistics, ring.current(), &ring.pairs()) else {
        return false;
    };
    storage::keep(CASES, &book.records) & storage::keep(STATISTICS, &sealed)
}

/// Deletes what the desk keeps once its time has come (docs/retention.md), whether or not
/// the desk is unlocked: recorded cases after `case_keep_days`, the ids of opened codes
/// after `replay_memory_days`, counts after `stats::KEEP_MONTHS` (a month's case ids are
/// dropped when the desk is next unlocked after `stats::REDUCE_AFTER_DAYS`).
pub fn apply_retention(now: Minutes, config: &intake::config::CentreConfig) {
    if let Kept::Value(mut records) = storage::load::<Records>(CASES)
        && records.delete_expired(now) > 0
    {
        storage::keep(CASES, &records);
    }
    let ids_for = Span::days(config.replay_memory_days);
    if let Kept::Value(mut ids) = storage::load::<ReplayMemory>(OPENED) {
        let before = ids.len();
        ids.forget_older_than(now, ids_for);
        if ids.len() != before {
            storage::keep(OPENED, &ids);
        }
    }
    if let Kept::Value(mut counts) = storage::load::<SealedStatistics>(STATISTICS)
        && counts.forget_old_months(now)
    {
        storage::keep(STATISTICS, &counts);
    }
}

/// What a kept value of the desk is, and what its loss means.
pub fn describe(name: &str) -> Two {
    match name {
        KEYRING => Two::new(
            "Khoá nhân viên đã lưu: nhập lại khoá hiện dùng từ bản sao lưu, rồi thêm các khoá cũ từ bản sao lưu của chúng (hoặc tạo khoá mới — mã cũ sẽ không mở được).",
            "The kept staff keys: import the current key from its backup, then add older keys from theirs (or make a new key — older codes will not open).",
        ),
        KIOSKS => Two::new(
            "Danh sách máy tiếp đón đã đăng ký: không lưu thêm được; bấm “Bắt đầu lại” rồi đăng ký lại từng máy.",
            "The enrolled kiosks: nothing more can be kept; press “Start again”, then enrol each kiosk again.",
        ),
        OPENED => Two::new(
            "Danh sách mã đã mở: không báo được mã quét hai lần; bấm “Bắt đầu lại”.",
            "The opened codes: a second scan cannot be noticed; press “Start again”.",
        ),
        STATISTICS => Two::new(
            "Số liệu thống kê: không ghi nhận thêm được hồ sơ nào; bấm “Bắt đầu lại” (số cũ mất).",
            "The statistics: no more cases can be recorded; press “Start again” (the old counts are lost).",
        ),
        CASES => Two::new(
            "Các hồ sơ đã ghi nhận trên bàn này: không ghi nhận thêm được; bấm “Bắt đầu lại” (các hồ sơ đang giữ mất — quét lại mã của thân chủ nếu cần).",
            "The cases recorded on this desk: no more can be recorded; press “Start again” (the kept cases are lost — scan the client's code again if needed).",
        ),
        _ => Two::new("", ""),
    }
}

/// Starts an unreadable list again, empty (staff's choice on the desk).
pub fn start_again(name: &'static str) {
    storage::forget(name);
}

/// Reads every kept value once, so that `storage::unreadable` lists each that no longer
/// parses (the desk calls it before drawing).
pub fn check_kept() {
    // Where one wrapped key was kept before desks held several (never a real centre's):
    // gone, so no copy under an old passphrase lingers.
    storage::forget("staff-wrapped-key");
    // The ids of counted cases, kept apart before the counts held them (never a real
    // centre's): gone.
    storage::forget("staff-counted-ids");
    let _ = keyring();
    let _ = storage::load::<KeptKiosks>(KIOSKS);
    let _ = storage::load::<ReplayMemory>(OPENED);
    let _ = storage::load::<SealedStatistics>(STATISTICS);
    let _ = storage::load::<Records>(CASES);
}

/// Where the case open when the desk locked is kept for this tab: her code as scanned —
/// sealed to the staff key, so nothing of it reads without the key — in `sessionStorage`
/// (gone with the tab).
const OPEN_CASE: &str = "staff-open-case";

fn session_available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.session_storage(), Ok(Some(_))))
}

/// How long an open case is brought back after the desk locks (a shift's break, not days:
/// a tab restored tomorrow must not show yesterday's survivor).
const OPEN_CASE_FOR: Span = Span::minutes(4 * 60);

/// The open case as kept: its code and when it was opened.
#[derive(serde::Serialize, serde::Deserialize)]
struct KeptCase {
    code: String,
    opened_minutes: Minutes,
}

/// Forgets the open case (Close, or the case deleted from this desk).
pub fn forget_open_case() {
    use gloo_storage::{SessionStorage, Storage};
    if session_available() {
        SessionStorage::delete(OPEN_CASE);
    }
}

/// Keeps the open case's code, to bring it back after the desk is unlocked.
pub fn keep_open_case(code: &str, now: Minutes) {
    use gloo_storage::{SessionStorage, Storage};
    if session_available() {
        let case = KeptCase {
            code: code.to_owned(),
            opened_minutes: now,
        };
        let _ = SessionStorage::set(OPEN_CASE, &case);
    }
}

/// The code of the case open when the desk locked, if it is recent; an old one is forgotten.
pub fn open_case(now: Minutes) -> Option<String> {
    use gloo_storage::{SessionStorage, Storage};
    if !session_available() {
        return None;
    }
    let case = SessionStorage::get::<KeptCase>(OPEN_CASE).ok();
    match case {
        Some(c) if now.since(c.opened_minutes) <= OPEN_CASE_FOR => Some(c.code),
        _ => {
            SessionStorage::delete(OPEN_CASE);
            None
        }
    }
}

/// Asks the browser to keep this origin's storage: a cleared browser would lose the staff
/// key and leave every waiting code unreadable.
pub fn ask_persistent_storage() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}
