//! The unlocked desk: a bar (who, which key, Lock), the views a click apart (intake, staff
//! keys, kiosks, statistics), and the key warnings every view shows.
use super::{Desk, Unlocked, store};
use crate::ui::bilingual::{Bi, two};
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

/// The desk's views, a click apart: the case in front of staff first.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DeskPage {
    Intake,
    Keys,
    Kiosks,
    Statistics,
}

impl DeskPage {
    const ALL: [DeskPage; 4] = [
        DeskPage::Intake,
        DeskPage::Keys,
        DeskPage::Kiosks,
        DeskPage::Statistics,
    ];

    fn name(self) -> Two {
        match self {
            DeskPage::Intake => Two::new("Tiếp nhận", "Intake"),
            DeskPage::Keys => Two::new("Khoá nhân viên", "Staff keys"),
            DeskPage::Kiosks => Two::new("Máy tiếp đón", "Kiosks"),
            DeskPage::Statistics => Two::new("Số liệu", "Statistics"),
        }
    }
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
    // The kiosk list is used only if it is the desk's own; each unlock seals it again under
    // the current key (so a key deleted later does not take the list with it).
    let (kiosk_list, kiosks_changed) = match store::kiosks(&keys.ring) {
        Ok(list) => {
            store::keep_kiosks(&keys.ring, &list);
            (list, false)
        }
        Err(()) => (Vec::new(), true),
    };
    let kiosks_changed = RwSignal::new(kiosks_changed);
    let kiosks = RwSignal::new(kiosk_list);
    let stats = RwSignal::new(store::statistics(&keys.ring, super::now_minutes()));
    let new_key = RwSignal::new(String::new());
    let key_read = RwSignal::new(false);
    let page = desk.page;
    // A kiosk's enrolment read at the scan field goes to the kiosks view's enrol field.
    // Another desk's kiosk list read at the scan field goes to the kiosks view's merge.
    let desk_kiosks = RwSignal::new(String::new());
    let on_desk_kiosks = Callback::new(move |code: String| {
        desk_kiosks.set(code);
        page.set(DeskPage::Kiosks);
    });
    let on_kiosk_key = Callback::new(move |line: String| {
        new_key.set(line);
        key_read.set(true);
        page.set(DeskPage::Kiosks);
    });

    view! {
        <header class="desk__bar no-print">
            <h1><Bi vi="Bàn tiếp đón" en="Intake desk"/></h1>
            <p class="desk__who">
                {move || desk.initials.get().map(|i| view! {
                    <span><Bi vi="Cán bộ" en="Staff: "/> " " <strong>{i.as_str().to_owned()}</strong>" · "</span>
                })}
                <Bi vi="Khoá nhân viên" en="Staff key: "/> " " <strong class="fingerprint">{fingerprint}</strong>
            </p>
            <button type="button" class="desk-button" on:click=move |_| desk.lock()><Bi vi="Khoá bàn" en="Lock"/></button>
        </header>
        <nav class="desk__nav no-print" aria-label="Bàn tiếp đón / Desk">
            {DeskPage::ALL.into_iter().map(|p| view! {
                <button type="button" class="desk__tab" aria-current=move || (page.get() == p).then_some("page")
                    on:click=move |_| page.set(p)>{two(p.name())}</button>
            }).collect_view()}
        </nav>
        // The kiosks seal to the configuration's key: a desk holding another key opens none
        // of their codes, and a kiosk asked to "pin again" would be pinning someone's key.
        // After a loss this is urgent: until each kiosk is re-pinned, new clients' codes are
        // sealed to a key someone else may hold. Shown on every view.
        {(config_is_older && !config_compromised).then(|| view! {
            <p class="desk__error no-print" role="alert"><Bi
                vi="Máy tiếp đón vẫn tạo mã cho khoá cũ: gửi người quản lý khoá công khai mới (mục “Khoá công khai của bàn” ở trang Khoá nhân viên) để đưa vào centre.json, rồi ghim nó ở trang cài đặt của từng máy. Cho đến lúc đó, mã của các máy vẫn mở ở đây."
                en="Kiosks still seal to the old key: send the manager the new public key (“This desk's public key”, in Staff keys) for centre.json, then pin it on each kiosk's setup page. Until then their codes still open here."/></p>
        })}
        {(config_is_older && config_compromised).then(|| view! {
            <p class="desk__error no-print" role="alert"><Bi
                vi="KHẨN: máy tiếp đón vẫn tạo mã cho một khoá có thể đã bị lộ — người giữ khoá đó đọc được mã của thân chủ mới. Gửi ngay khoá công khai mới (mục “Khoá công khai của bàn” ở trang Khoá nhân viên) cho người quản lý để đưa vào centre.json, rồi ghim lại ở từng máy tiếp đón."
                en="URGENT: kiosks still seal to a key that may be compromised — whoever holds it can read new clients' codes. Send the new public key (“This desk's public key”, in Staff keys) to the manager for centre.json now, then pin it again on each kiosk."/></p>
        })}
        // A kiosk list changed outside the desk (its seal no longer matches) is not used.
        <div class="desk__error no-print" role="alert" hidden=move || !kiosks_changed.get()>
            <p><Bi
                vi="Danh sách máy tiếp đón trên thiết bị này đã bị sửa ngoài bàn tiếp đón (ví dụ khi bàn đang khoá), nên không được dùng: mã của các máy sẽ không mở. Bắt đầu lại danh sách rồi đăng ký lại từng máy (hoặc nhập lại danh sách từ một bàn khác)."
                en="The kiosk list on this device was changed outside the desk (for example while it was locked), so it is not used: no kiosk's codes open. Start the list again, then enrol each kiosk again (or import it again from another desk)."/></p>
            <button type="button" class="desk-button" on:click=move |_| {
                crate::storage::forget(store::KIOSKS);
                kiosks.set(Vec::new());
                kiosks_changed.set(false);
            }><Bi vi="Bắt đầu lại danh sách máy" en="Start the kiosk list again"/></button>
        </div>
        {config_is_newer.then(|| view! {
            <p class="desk__error no-print" role="alert"><Bi
                vi="Khoá nhân viên trong centre.json được giữ ở đây như một khoá cũ, nhưng nó mới hơn khoá đang dùng: nếu đó là khoá mới của trung tâm, hãy dùng “Nhận khoá mới của trung tâm từ bản sao lưu…” ở trang Khoá nhân viên."
                en="The staff key in centre.json is held here as an older key, but it is newer than the current one: if it is the centre's new key, use “Take the centre's new key from its backup…” in Staff keys."/></p>
        })}
        {(!matches_config && held.is_none()).then(|| view! {
            <p class="desk__error no-print" role="alert"><Bi
                vi="Khoá của bàn này khác khoá nhân viên trong centre.json: máy tiếp đón tạo mã cho khoá kia, bàn này không mở được mã của các máy đó. Đừng ghim lại máy tiếp đón khi chưa hỏi người quản lý."
                en="This desk's key is not the staff key in centre.json: kiosks seal to that one, and this desk cannot open their codes. Do not re-pin any kiosk before asking the manager."/></p>
        })}
        // Each view stays drawn while another is shown, so a half-recorded case survives a
        // look at the kiosks.
        <div hidden=move || page.get() != DeskPage::Intake>
            <super::intake_view::IntakeView ring=ring kiosks=kiosks stats=stats on_kiosk_key=on_kiosk_key on_desk_kiosks=on_desk_kiosks />
        </div>
        <div class="no-print" hidden=move || page.get() != DeskPage::Keys>
            <details class="panel">
                <summary><Bi vi="Khoá công khai của bàn (để cấu hình máy tiếp đón)" en="This desk's public key (for the kiosk configuration)"/></summary>
                <div class="setup__qr" role="img" aria-label="QR: khoá công khai / public key" inner_html=public_qr></div>
                <p><code class="setup__hex">{public_hex}</code></p>
            </details>
            <super::key_ring::StaffKeys ring=keys.ring wrapping=keys.wrapping />
        </div>
        <div class="no-print" hidden=move || page.get() != DeskPage::Kiosks>
            <super::kiosks::Kiosks kiosks=kiosks new_key=new_key key_read=key_read ring=ring />
            <super::desk_transfer::DeskTransfer ring=ring kiosks=kiosks incoming=desk_kiosks />
        </div>
        <div class="no-print" hidden=move || page.get() != DeskPage::Statistics>
            <super::statistics::StatisticsPanel stats=stats ring=ring />
        </div>
    }
}

/// Whether the desk should show the demo banner: the configuration says demo keys.
pub fn demo(state: &super::DeskState, demo_keys: bool) -> bool {
    demo_keys && !matches!(state, super::DeskState::NoKey)
}
