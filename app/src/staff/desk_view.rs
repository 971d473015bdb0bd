//! The unlocked desk: the code field (USB scanner or paste), the case sheet, the kiosks.
use super::case_sheet::CaseSheetView;
use super::labels;
use super::messages::open_error;
use super::{Desk, Unlocked, now_minutes, store};
use crate::storage::Kept;
use crate::ui::bilingual::{Bi, two};
use intake::desk::case_sheet::CaseSheet;
use intake::desk::keyring::SealedTo;
use intake::desk::repeat::RepeatGuard;
use intake::desk::scan::{DeskMemory, Freshness, Scanned, scan};
use intake::handoff::{EnrolledKiosk, Handoff, KioskState};
use intake::pairing::Enrolment;
use intake::two::Two;
use leptos::prelude::*;

/// A moment as the desk's clock shows it: `2026-12-02 14:05`.
pub(super) fn when(moment: intake::clock::Minutes) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(moment.to_ms()));
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The desk for a shift.
#[component]
pub fn DeskView(
    /// The unlocked staff keys.
    keys: Unlocked,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let current = keys.ring.current().public().clone();
    let fingerprint = current.fingerprint();
    let public_hex = current.to_hex();
    let configured = desk.config.with_value(|c| c.staff_key().ok());
    let matches_config = configured.as_ref() == Some(&current);
    // The configuration still names a key this desk replaced: a change not yet published.
    // (A configured key added here as an older key but newer than the current one is the
    // other case: the centre's new key, to take as current — `StaffKeys` says how.)
    let current_added = keys
        .ring
        .keys()
        .first()
        .map_or(intake::clock::Minutes(0), |k| k.added_minutes);
    let held = keys
        .ring
        .keys()
        .iter()
        .find(|k| Some(k.pair.public()) == configured.as_ref());
    let config_is_older = !matches_config && held.is_some_and(|k| k.added_minutes <= current_added);
    let config_is_newer = !matches_config && held.is_some_and(|k| k.added_minutes > current_added);
    let config_compromised = held.is_some_and(|k| {
        matches!(
            k.standing,
            intake::desk::keyring::Standing::Compromised { .. }
        )
    });
    let public_qr = intake::handoff::qr_svg(&public_hex).unwrap_or_default();
    let ring = StoredValue::new(keys.ring.clone());
    let code = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<(CaseSheet, Handoff), Two>>);
    // What a scan did that is not an error (a kiosk key read): said apart from errors.
    let scan_notice = RwSignal::new(None::<Two>);
    let sealed_to = RwSignal::new(SealedTo::Current);
    let replay_unknown = RwSignal::new(false);
    let kiosks = RwSignal::new(store::kiosks());
    let stats = RwSignal::new(store::statistics());

    let new_key = RwSignal::new(String::new());
    // What one scan does is decided by `intake::desk::scan`; here it is kept and drawn.
    let open_case = move |text: String, freshness: Freshness| {
        let mut memory = DeskMemory {
            kiosks: kiosks.get_untracked(),
            // An unreadable list of opened codes cannot say whether this is a second scan:
            // the desk says so, and counts no one.
            opened: match store::opened_kept() {
                Kept::Unreadable => None,
                kept => Some(kept.value().unwrap_or_default()),
            },
            statistics: store::statistics(),
        };
        let scanned = ring.with_value(|r| {
            desk.config
                .with_value(|c| scan(&text, r, &mut memory, c, now_minutes(), freshness))
        });
        sealed_to.set(SealedTo::Current);
        replay_unknown.set(false);
        scan_notice.set(None);
        outcome.set(match scanned {
            // A kiosk's letter and public key (from its setup page's QR) go to the enrol field.
            Scanned::KioskKey(line) => {
                new_key.set(line);
                scan_notice.set(Some(Two::new(
                    "Đã đọc khoá của một máy tiếp đón: so sánh dấu vân tay rồi bấm Đăng ký.",
                    "A kiosk key was read: compare the fingerprint, then press Enrol.",
                )));
                None
            }
            Scanned::Refused(e) => Some(Err(open_error(&e))),
            Scanned::Case(case) => {
                sealed_to.set(case.sealed_to);
                if freshness == Freshness::Fresh {
                    store::keep_open_case(text.trim(), now_minutes());
                    if store::keep_kiosks(&memory.kiosks) {
                        kiosks.set(memory.kiosks);
                    }
                    match &memory.opened {
                        Some(list) => {
                            store::keep_opened(list);
                        }
                        None => replay_unknown.set(true),
                    }
                    if case.counted && store::keep_statistics(&memory.statistics) {
                        stats.set(memory.statistics);
                    }
                }
                Some(Ok((case.sheet, case.handoff)))
            }
        });
    };
    let open_text = move |text: String| open_case(text, Freshness::Fresh);
    // Unlocked again: the case that was open comes back, with no second-scan warning.
    if let Some(code) = store::open_case(now_minutes()) {
        open_case(code, Freshness::Reopened);
    }
    let open_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = code.get_untracked();
        code.set(String::new()); // cleared after each open
        open_text(text);
    };
    // A code held in front of the camera is seen on frame after frame: it opens once.
    let camera_guard = StoredValue::new(RepeatGuard::default());
    let from_camera = Callback::new(move |text: String| {
        let now = js_sys::Date::now();
        if camera_guard
            .try_update_value(|g| g.is_new(&text, now))
            .unwrap_or(false)
        {
            open_text(text);
        }
    });

    view! {
        <header class="desk__bar">
            <h1><Bi vi="Bàn tiếp đón" en="Intake desk"/></h1>
            <p><Bi vi="Khoá nhân viên" en="Staff key: "/> <strong class="fingerprint">{fingerprint}</strong></p>
            <button type="button" class="desk-button" on:click=move |_| desk.lock()><Bi vi="Khoá bàn" en="Lock"/></button>
        </header>
        // The kiosks seal to the configuration's key: a desk holding another key opens none
        // of their codes, and a kiosk asked to "pin again" would be pinning someone's key.
        // After a loss this is urgent: until each kiosk is re-pinned, new clients' codes are
        // sealed to a key someone else may hold.
        {(config_is_older && !config_compromised).then(|| view! {
            <p class="desk__error" role="alert"><Bi
                vi="Máy tiếp đón vẫn tạo mã cho khoá cũ: gửi người quản lý khoá công khai mới (mục “Khoá công khai của bàn” bên dưới) để đưa vào centre.json, rồi ghim nó ở trang cài đặt của từng máy. Cho đến lúc đó, mã của các máy vẫn mở ở đây."
                en="Kiosks still seal to the old key: send the manager the new public key (“This desk's public key”, below) for centre.json, then pin it on each kiosk's setup page. Until then their codes still open here."/></p>
        })}
        {(config_is_older && config_compromised).then(|| view! {
            <p class="desk__error" role="alert"><Bi
                vi="KHẨN: máy tiếp đón vẫn tạo mã cho một khoá có thể đã bị lộ — người giữ khoá đó đọc được mã của thân chủ mới. Gửi ngay khoá công khai mới (mục “Khoá công khai của bàn” bên dưới) cho người quản lý để đưa vào centre.json, rồi ghim lại ở từng máy tiếp đón."
                en="URGENT: kiosks still seal to a key that may be compromised — whoever holds it can read new clients' codes. Send the new public key (“This desk's public key”, below) to the manager for centre.json now, then pin it again on each kiosk."/></p>
        })}
        {config_is_newer.then(|| view! {
            <p class="desk__error" role="alert"><Bi
                vi="Khoá nhân viên trong centre.json được giữ ở đây như một khoá cũ, nhưng nó mới hơn khoá đang dùng: nếu đó là khoá mới của trung tâm, hãy dùng “Nhận khoá mới của trung tâm từ bản sao lưu…” bên dưới."
                en="The staff key in centre.json is held here as an older key, but it is newer than the current one: if it is the centre's new key, use “Take the centre's new key from its backup…” below."/></p>
        })}
        {(!matches_config && held.is_none()).then(|| view! {
            <p class="desk__error" role="alert"><Bi
                vi="Khoá của bàn này khác khoá nhân viên trong centre.json: máy tiếp đón tạo mã cho khoá kia, bàn này không mở được mã của các máy đó. Đừng ghim lại máy tiếp đón khi chưa hỏi người quản lý."
                en="This desk's key is not the staff key in centre.json: kiosks seal to that one, and this desk cannot open their codes. Do not re-pin any kiosk before asking the manager."/></p>
        })}
        <details class="panel no-print">
            <summary><Bi vi="Khoá công khai của bàn (để cấu hình máy tiếp đón)" en="This desk's public key (for the kiosk configuration)"/></summary>
            <div class="setup__qr" role="img" aria-label="QR: khoá công khai / public key" inner_html=public_qr></div>
            <p><code class="setup__hex">{public_hex}</code></p>
        </details>
        <form class="panel no-print" on:submit=open_code>
            <label for="code"><Bi vi="Quét hoặc dán mã, rồi Enter" en="Scan or paste the code, then Enter"/></label>
            <input id="code" class="desk__code" type="text" inputmode="numeric" autocomplete="off"
                autocapitalize="off" spellcheck="false" autofocus bind:value=code />
            <button type="submit" class="desk-button desk-button--primary"><Bi vi="Mở" en="Open"/></button>
            <super::camera::CameraScanner on_code=from_camera />
        </form>
        <p class="case-sheet__warning" role="alert" hidden=move || !replay_unknown.get()>
            <Bi vi="Không kiểm tra được mã này đã được mở trước đây hay chưa: danh sách mã đã mở không đọc được (xem ở trên)." en="Whether this code was opened before cannot be checked: the list of opened codes cannot be read (see above)."/>
        </p>
        {move || match sealed_to.get() { SealedTo::Compromised { days_left } => Some(days_left), _ => None }.map(|days| {
            view! {
                <p class="case-sheet__warning" role="alert">{two(Two::owned(format!("Mã này được tạo cho một khoá nhân viên cũ có thể đã bị lộ: người giữ khoá đó có thể đã làm giả mã. Xác nhận mọi điều trực tiếp với thân chủ. (Bàn này xoá khoá đó sau {days} ngày.)"), format!("Sealed to a retired key that may be compromised — confirm everything with the client in person: whoever holds that key could have forged this code. (This desk deletes the key in {days} days.)")))}</p>
            }
        })}
        <p class="desk__notice" role="status">{move || scan_notice.get().map(two)}</p>
        {move || outcome.get().map(|o| match o {
            Ok((sheet, handoff)) => view! { <CaseSheetView sheet=sheet handoff=handoff /> }.into_any(),
            Err(message) => view! { <p class="desk__error" role="alert">{two(message)}</p> }.into_any(),
        })}
        <super::key_ring::StaffKeys ring=keys.ring wrapping=keys.wrapping />
        <Kiosks kiosks=kiosks new_key=new_key />
        <StatisticsPanel stats=stats />
    }
}

/// Anonymous statistics: only handoffs whose consent to statistics is yes; counts below 5
/// show as "<5" and no totals are given.
#[component]
fn StatisticsPanel(
    /// The counts kept on this device.
    stats: RwSignal<intake::desk::stats::Statistics>,
) -> impl IntoView {
    let export = move |_| {
        stats.with(|s| super::download::download("statistics.csv", "text/csv", &s.to_csv()));
    };
    view! {
        <section class="panel no-print" aria-labelledby="stats-title">
            <h2 id="stats-title"><Bi vi="Số liệu ẩn danh" en="Anonymous statistics"/></h2>
            <p><Bi vi="Chỉ những người đồng ý được đếm. Số nhỏ hơn 5 hiện là “<5”." en="Only those who agreed are counted; counts below 5 show as “<5”."/></p>
            <table class="stats">
                <thead><tr>
                    <th scope="col"><Bi vi="Tháng" en="Month"/></th><th scope="col"><Bi vi="Dịch vụ" en="Service"/></th>
                    <th scope="col"><Bi vi="Độ tuổi" en="Age"/></th><th scope="col"><Bi vi="Giới tính" en="Sex"/></th><th scope="col"><Bi vi="Số lượt" en="Count"/></th>
                </tr></thead>
                <tbody>
                    // Words, not the export's codes (the CSV keeps the codes).
                    {move || stats.get().rows().into_iter().map(|((month, service, age, sex), count)| {
                        view! {
                            <tr><td>{month}</td><td>{two(labels::stats_service(service))}</td><td>{two(labels::stats_age(age))}</td>
                                <td>{two(labels::stats_sex(sex))}</td><td>{count}</td></tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="desk-button" on:click=export><Bi vi="Xuất CSV" en="Export CSV"/></button>
        </section>
    }
}

/// The enrolled kiosks: add one by its public key; revoke a lost one, or restore it once
/// found — each after a confirmation, each change recorded with its time.
#[component]
fn Kiosks(
    /// The list, kept on this device.
    kiosks: RwSignal<Vec<EnrolledKiosk>>,
    /// The key being enrolled (typed, pasted or scanned).
    new_key: RwSignal<String>,
) -> impl IntoView {
    let message = RwSignal::new(None::<Two>);
    // Nothing changes unless it is kept (an unreadable kept list is not written over).
    let save = move |list: Vec<EnrolledKiosk>| {
        let kept = store::keep_kiosks(&list);
        if kept {
            kiosks.set(list);
        }
        kept
    };
    let enrol = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Enrolment::parse(&new_key.get_untracked()) {
            Ok(Enrolment { letter, public }) => {
                let mut list = kiosks.get_untracked();
                if list.iter().any(|k| k.public == public) {
                    message.set(Some(Two::new(
                        "Máy này đã được đăng ký.",
                        "This kiosk is already enrolled.",
                    )));
                    return;
                }
                list.push(EnrolledKiosk::enrolled(public, letter, now_minutes()));
                if !save(list) {
                    message.set(Some(Two::new(
                        "Không lưu được danh sách máy trên thiết bị này (xem ở trên).",
                        "The kiosk list could not be kept on this device (see above).",
                    )));
                    return;
                }
                new_key.set(String::new());
                message.set(None);
            }
            Err(e) => message.set(Some(Two::owned(
                format!(
                    "Không phải mã đăng ký của máy tiếp đón (chữ A–H, dấu =, rồi 64 ký tự): {e}."
                ),
                format!("Not a kiosk enrolment (letter A–H, '=', then 64 characters): {e}."),
            ))),
        }
    };
    view! {
        <section class="panel no-print" aria-labelledby="kiosks-title">
            <h2 id="kiosks-title"><Bi vi="Máy tiếp đón đã đăng ký" en="Enrolled kiosks"/></h2>
            <ul class="kiosks">
                {move || kiosks.get().into_iter().enumerate().map(|(i, k)| {
                    let label = format!("{} · {} · {}", k.letter, k.public.kiosk_id(), k.public.fingerprint());
                    let name = format!("{} · {}", k.letter, k.public.kiosk_id());
                    let since = when(k.state_since_minutes);
                    let (state, next, ask, confirm) = match k.state {
                        KioskState::Revoked => (
                            Two::owned(format!("đã thu hồi {since}"), format!("revoked {since}")),
                            KioskState::Restored,
                            Two::new("Khôi phục…", "Restore…"),
                            Two::owned(format!("Khôi phục máy {name}? Chỉ khi máy đã được tìm thấy và kiểm tra: mã của máy sẽ mở được lại."), format!("Restore kiosk {name}? Only once it is found and checked: its codes will open again.")),
                        ),
                        KioskState::Enrolled | KioskState::Restored => (
                            if k.state == KioskState::Restored { Two::owned(format!("khôi phục {since}"), format!("restored {since}")) } else { Two::owned(format!("đăng ký {since}"), format!("enrolled {since}")) },
                            KioskState::Revoked,
                            Two::new("Thu hồi…", "Revoke…"),
                            Two::owned(format!("Thu hồi máy {name}? Mã của máy này sẽ bị từ chối cho đến khi khôi phục."), format!("Revoke kiosk {name}? Its codes are refused until it is restored.")),
                        ),
                    };
                    let asking = RwSignal::new(false);
                    let set = move |_| {
                        let mut list = kiosks.get_untracked();
                        if let Some(k) = list.get_mut(i) { k.set_state(next, now_minutes()); }
                        if !save(list) {
                            message.set(Some(Two::new("Không lưu được danh sách máy trên thiết bị này (xem ở trên).", "The kiosk list could not be kept on this device (see above).")));
                        }
                    };
                    let revoked = k.is_revoked();
                    view! {
                        <li class="kiosks__row" class:kiosks__row--revoked=revoked>
                            <span class="fingerprint">{label}</span>
                            <span class="kiosks__state">{two(state)}</span>
                            <button type="button" class="desk-button kiosks__action" hidden=move || asking.get()
                                on:click=move |_| asking.set(true)>{two(ask)}</button>
                            <span class="kiosks__confirm" role="group" hidden=move || !asking.get()>
                                <span>{two(confirm)}</span>
                                <button type="button" class="desk-button desk-button--primary" on:click=set>
                                    {if revoked { two(Two::new("Xác nhận khôi phục", "Confirm restore")) } else { two(Two::new("Xác nhận thu hồi", "Confirm revoke")) }}
                                </button>
                                <button type="button" class="desk-button" on:click=move |_| asking.set(false)><Bi vi="Huỷ" en="Cancel"/></button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form on:submit=enrol>
                <label for="kiosk-key"><Bi vi="Mã đăng ký của máy tiếp đón (trên trang cài đặt của máy, ví dụ A=…)" en="Kiosk enrolment (from its setup page, like A=…)"/></label>
                <input id="kiosk-key" type="text" autocomplete="off" spellcheck="false" bind:value=new_key />
                <button type="submit" class="desk-button"><Bi vi="Đăng ký" en="Enrol"/></button>
            </form>
            <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
        </section>
    }
}

/// Whether the desk should show the demo banner: the configuration says demo keys.
pub fn demo(state: &super::DeskState, demo_keys: bool) -> bool {
    demo_keys && !matches!(state, super::DeskState::NoKey)
}
