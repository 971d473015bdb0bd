//! The kiosk's setup page (its own page, behind a PIN set on the device): the kiosk's key
//! to enrol at the staff desk, the staff key it seals to, pinned at pairing, and a self-test.
use crate::device;
use crate::storage::{self, Kept};
use crate::ui::bilingual::{Bi, two};
use crate::{SetupError, SetupErrorView, load_config_from};
use intake::config::CentreConfig;
use intake::handoff::{KioskLetter, qr_svg};
use intake::pairing::{
    Enrolment, PinError, PinRecord, StaffKeyCheck, check_staff_key, clock_plausible,
};
use intake::two::Two;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

fn pin_message(e: PinError) -> Two {
    match e {
        PinError::Malformed => Two::new("Mã PIN gồm 6 đến 12 chữ số.", "A PIN is 6 to 12 digits."),
        PinError::Wrong { attempts_left } => Two::owned(
            format!("Sai mã PIN, còn {attempts_left} lần thử."),
            format!("Wrong PIN: {attempts_left} attempts left."),
        ),
        PinError::Locked { minutes } => Two::owned(
            format!("Sai quá nhiều lần: thử lại sau {minutes} phút."),
            format!("Too many wrong PINs: try again in {minutes} minutes."),
        ),
        PinError::NoRandomness => Two::new(
            "Thiết bị không tạo được số ngẫu nhiên.",
            "The device gave no randomness.",
        ),
    }
}

/// The PIN gate: set a PIN on first use, then ask for it.
#[component]
fn PinGate(
    /// Set when the PIN was accepted.
    unlocked: RwSignal<bool>,
) -> impl IntoView {
    let kept = device::pin();
    let has_pin = matches!(kept, Kept::Value(_));
    // An unreadable PIN record is said, not silently treated as "no PIN yet".
    let unreadable = matches!(kept, Kept::Unreadable);
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Two>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entered = pin.get_untracked();
        pin.set(String::new());
        if has_pin {
            let Kept::Value(mut record) = device::pin() else {
                return;
            };
            let result = record.check(&entered, js_sys::Date::now());
            device::keep_pin(&record);
            match result {
                Ok(()) => unlocked.set(true),
                Err(e) => message.set(Some(pin_message(e))),
            }
        } else if entered != again.get_untracked() {
            message.set(Some(Two::new(
                "Hai mã PIN không giống nhau.",
                "The two PINs differ.",
            )));
        } else {
            match PinRecord::new(&entered) {
                Ok(record) if device::set_pin(&record) => unlocked.set(true),
                Ok(_) => message.set(Some(Two::new("Không lưu được.", "Could not save."))),
                Err(e) => message.set(Some(pin_message(e))),
            }
        }
        again.set(String::new());
    };
    view! {
        <h1>{two(if has_pin { Two::new("Cài đặt máy tiếp đón", "Kiosk setup") } else { Two::new("Đặt mã PIN cài đặt", "Set the setup PIN") })}</h1>
        {unreadable.then(|| view! {
            <p class="desk__error" role="alert"><Bi
                vi="Không đọc được mã PIN đã lưu trên máy này. Đặt mã PIN mới bên dưới; nếu không phải bạn vừa thay đổi máy, hãy báo người quản lý."
                en="The setup PIN kept on this device cannot be read. Set a new PIN below; if nobody you know changed this device, tell the manager."/></p>
        })}
        <form class="panel" on:submit=submit>
            <label><Bi vi="Mã PIN" en="PIN"/> <input type="password" inputmode="numeric" autocomplete="off" bind:value=pin /></label>
            {(!has_pin).then(|| view! {
                <label><Bi vi="Nhập lại" en="Again"/> <input type="password" inputmode="numeric" autocomplete="off" bind:value=again /></label>
            })}
            <button type="submit" class="desk-button desk-button--primary">{two(if has_pin { Two::new("Mở", "Open") } else { Two::new("Đặt mã PIN", "Set PIN") })}</button>
        </form>
        <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
    }
}

/// One row of the self-test: what is checked, whether it holds, and how to fix it if not.
#[derive(Clone, Copy)]
struct Check {
    vi: &'static str,
    en: &'static str,
    ok: bool,
    fix_vi: &'static str,
    fix_en: &'static str,
}

/// The self-test table: failed rows first, each with its fix on the same row.
#[component]
fn SelfTest(#[prop(into)] checks: Signal<Vec<Check>>, printer: Option<String>) -> impl IntoView {
    let rows = move || {
        let mut checks = checks.get();
        // A stable sort: failures first, otherwise in the order given.
        checks.sort_by_key(|c| c.ok);
        checks
            .into_iter()
            .map(|c| {
                let (mark, class) = if c.ok {
                    (Two::new("✓ đạt", "OK"), "self-test__ok")
                } else {
                    (Two::new("✗ chưa đạt", "NOT OK"), "self-test__failed")
                };
                view! {
                    <tr class=class>
                        <th scope="row"><Bi vi=c.vi en=c.en/></th>
                        <td class="self-test__mark">{two(mark)}</td>
                        <td>{(!c.ok).then(|| view! { <Bi vi=c.fix_vi en=c.fix_en/> })}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="stats self-test">
            <thead><tr>
                <th scope="col"><Bi vi="Kiểm tra" en="Check"/></th>
                <th scope="col"><Bi vi="Kết quả" en="Result"/></th>
                <th scope="col"><Bi vi="Cách sửa" en="How to fix"/></th>
            </tr></thead>
            <tbody>
                {rows}
                <tr class="self-test__info">
                    <th scope="row"><Bi vi="Máy in" en="Printer"/></th>
                    <td>{match printer { Some(mm) => mm.into_any(), None => two(Two::new("không có", "none")) }}</td>
                    <td><Bi vi="Khổ giấy đặt trong centre.json (printer.width_mm)" en="Paper width is set in centre.json (printer.width_mm)"/></td>
                </tr>
            </tbody>
        </table>
    }
}

/// A fingerprint to compare by eye: large, its groups apart.
#[component]
fn Fingerprint(#[prop(into)] text: String) -> impl IntoView {
    view! {
        <p class="fingerprint fingerprint--large">
            {text.split('-').map(|g| view! { <span class="fingerprint__group">{g.to_owned()}</span> }).collect_view()}
        </p>
    }
}

/// The setup screen behind the PIN.
#[component]
fn SetupScreen(
    /// The centre configuration.
    config: Arc<CentreConfig>,
) -> impl IntoView {
    device::check_kept();
    let kiosk = device::kiosk_key();
    // Without a readable key there is nothing to enrol (the panel above says what to do).
    let has_key = kiosk.is_some();
    let letter = RwSignal::new(device::letter());
    let kiosk_public = kiosk.as_ref().map(|k| k.public().clone());
    let enrolment = Memo::new(move |_| {
        kiosk_public
            .as_ref()
            .map(|public| {
                Enrolment {
                    letter: letter.get(),
                    public: public.clone(),
                }
                .to_text()
            })
            .unwrap_or_default()
    });
    let kiosk_id = kiosk
        .as_ref()
        .map(|k| k.public().kiosk_id().to_string())
        .unwrap_or_default();
    let kiosk_fp = kiosk
        .as_ref()
        .map(|k| k.public().fingerprint())
        .unwrap_or_default();
    let kiosk_qr = move || enrolment.with(|t| qr_svg(t).unwrap_or_default());
    let choose_letter = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev)
            .chars()
            .next()
            .and_then(KioskLetter::from_char);
        if let Some(l) = chosen
            && device::keep_letter(l)
        {
            letter.set(l);
        }
    };
    let staff = config.staff_key().ok();
    let staff_fp = staff.as_ref().map(|s| s.fingerprint()).unwrap_or_default();
    // The whole key is pinned; people compare its fingerprint.
    let whole = staff.as_ref().map(|s| s.to_hex()).unwrap_or_default();
    // An unreadable pin counts as a pin to nothing here; the kiosk makes no code until it
    // is pinned again or, by choice in the panel above, forgotten.
    let kept_pin = device::pinned_staff_key();
    let pinned = RwSignal::new(match kept_pin {
        Kept::Value(hex) => Some(hex),
        Kept::Absent | Kept::Unreadable => None,
    });
    let demo = config.uses_demo_key();
    let check = Memo::new(move |_| {
        staff
            .as_ref()
            .map(|s| pinned.with(|p| check_staff_key(s, p.as_deref())))
    });
    let persistent = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        if let Some(storage) = web_sys::window().map(|w| w.navigator().storage())
            && let Ok(p) = storage.persisted()
            && let Ok(v) = JsFuture::from(p).await
        {
            persistent.set(v.as_bool());
        }
    });
    let ask_persist = move |_| {
        leptos::task::spawn_local(async move {
            if let Some(storage) = web_sys::window().map(|w| w.navigator().storage())
                && let Ok(p) = storage.persist()
                && let Ok(v) = JsFuture::from(p).await
            {
                persistent.set(v.as_bool());
            }
        });
    };
    let pin_it = move |_| {
        // Pinning is the choice that replaces an unreadable pin too.
        if device::pin_staff_key(&whole) {
            pinned.set(Some(whole.clone()));
        }
    };
    let now = intake::clock::Minutes::from_ms(js_sys::Date::now());
    let secure = web_sys::window().is_some_and(|w| w.is_secure_context());
    // Opened as an installed app or full screen (a pinned kiosk), not in a browser tab with
    // an address bar and other tabs.
    let installed = web_sys::window()
        .and_then(|w| {
            w.match_media("(display-mode: standalone), (display-mode: fullscreen)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches());
    let printer = config.printer.map(|p| format!("{} mm", p.width_mm));
    let demo_limits = config.has_shipped_demo_limits();
    let status = move || match check.get() {
        Some(StaffKeyCheck::AsPinned) => {
            Two::new("✓ Khớp với khoá đã ghim", "as pinned at pairing")
        }
        Some(StaffKeyCheck::DemoUnpinned) => Two::new(
            "KHOÁ DEMO: không ghim được. Trung tâm thật tạo khoá nhân viên của mình ở bàn tiếp đón, rồi đưa khoá công khai của nó vào centre.json (docs/deploy.md).",
            "DEMO KEY: it cannot be pinned. A live centre makes its own key at the staff desk and puts its public key in centre.json (docs/deploy.md).",
        ),
        Some(StaffKeyCheck::NotPaired) => Two::new(
            "CHƯA GHÉP NỐI: máy sẽ không tạo mã",
            "NOT PAIRED: no codes until pinned",
        ),
        Some(StaffKeyCheck::DemoRefused) => Two::new(
            "KHOÁ DEMO: máy này không tạo mã cho khoá này (ai cũng có thể mở mã của thân chủ). Tạo khoá nhân viên ở bàn tiếp đón, rồi đưa khoá công khai của nó vào centre.json (docs/deploy.md).",
            "DEMO KEY: this kiosk makes no code for it (anyone could open a client's code). Create the staff key at the staff desk, then put its public key in centre.json (docs/deploy.md).",
        ),
        Some(StaffKeyCheck::Changed) => Two::new(
            "KHOÁ ĐÃ ĐỔI so với khoá đã ghim: xác nhận với bàn tiếp đón rồi ghim lại",
            "CHANGED since pairing: confirm with the desk, then pin again",
        ),
        None => Two::new(
            "Cấu hình không có khoá hợp lệ",
            "no valid key in the configuration",
        ),
    };
    let needs_pin =
        Signal::derive(move || !matches!(check.get(), Some(StaffKeyCheck::AsPinned) | None));
    // The demo key is never pinned: its private half is public.
    let can_pin = Signal::derive(move || needs_pin.get() && !demo);
    let status_class = move || {
        if needs_pin.get() {
            "setup__status setup__status--todo"
        } else {
            "setup__status setup__status--ok"
        }
    };
    let checks = Signal::derive(move || {
        vec![
            Check {
                vi: "Giờ của máy có vẻ đúng",
                en: "Clock plausible",
                ok: clock_plausible(now),
                fix_vi: "Đặt lại ngày giờ trong phần Cài đặt của máy tính bảng, rồi mở lại trang này.",
                fix_en: "Set the date and time in the tablet's Settings, then open this page again.",
            },
            Check {
                vi: "Kết nối an toàn",
                en: "Secure context",
                ok: secure,
                fix_vi: "Mở máy tiếp đón qua https:// (docs/deploy.md).",
                fix_en: "Open the kiosk over https:// (docs/deploy.md).",
            },
            Check {
                vi: "Khoá nhân viên như đã ghim",
                en: "Staff key as pinned",
                ok: !needs_pin.get(),
                // The demo key has no pin button (its private half is public): the fix is
                // the next row's.
                fix_vi: if demo {
                    "Khoá demo không ghim được: trước hết đưa khoá công khai của trung tâm vào centre.json (dòng dưới), rồi ghim khoá đó."
                } else {
                    "So dấu vân tay với bàn tiếp đón, rồi bấm “Ghim khoá này” ở trên."
                },
                fix_en: if demo {
                    "The demo key cannot be pinned: first put the centre's public key in centre.json (the row below), then pin that key."
                } else {
                    "Compare the fingerprint with the staff desk, then press “Pin this staff key” above."
                },
            },
            Check {
                vi: "Khoá nhân viên là của trung tâm (không phải khoá demo)",
                en: "The staff key is the centre's own (not the demo key)",
                ok: !demo,
                fix_vi: "Tạo khoá ở bàn tiếp đón, rồi đưa khoá công khai vào centre.json (docs/deploy.md).",
                fix_en: "Make the key at the staff desk, then put its public key in centre.json (docs/deploy.md).",
            },
            Check {
                vi: "Mở như ứng dụng đã cài, toàn màn hình",
                en: "Opened as an installed app, full screen",
                ok: installed,
                fix_vi: "Cài trang vào màn hình chính (“Cài đặt ứng dụng”), mở từ đó và ghim màn hình (docs/deploy.md).",
                fix_en: "Install the page to the home screen (“Install app”), open it from there and pin the screen (docs/deploy.md).",
            },
            Check {
                vi: "Lưu trữ lâu dài",
                en: "Persistent storage",
                ok: persistent.get() == Some(true),
                fix_vi: "Bấm “Xin bộ nhớ bền vững” bên dưới; nếu trình duyệt từ chối, thêm trang vào màn hình chính.",
                fix_en: "Press “Ask for persistent storage” below; if the browser refuses, add the page to the home screen.",
            },
            Check {
                vi: "Lời về giới hạn bảo mật là của trung tâm, đã được luật sư duyệt (không phải bản mẫu)",
                en: "Confidentiality wording is the centre's own, approved by its lawyer (not the demo's)",
                ok: !demo_limits,
                fix_vi: "Thay “limits” trong centre.json bằng lời đã được luật sư của trung tâm duyệt (docs/deploy.md).",
                fix_en: "Replace “limits” in centre.json with wording the centre's lawyer approved (docs/deploy.md).",
            },
        ]
    });
    view! {
        <h1><Bi vi="Cài đặt máy tiếp đón" en="Kiosk setup"/></h1>
        <Unreadable />
        <section class="panel" aria-labelledby="self-test-title">
            <h2 id="self-test-title"><Bi vi="Tự kiểm tra" en="Self-test"/></h2>
            <SelfTest checks printer />
            <button type="button" class="desk-button" on:click=ask_persist><Bi vi="Xin bộ nhớ bền vững" en="Ask for persistent storage"/></button>
        </section>
        <section class="panel" aria-labelledby="staff-key-title">
            <h2 id="staff-key-title"><Bi vi="Khoá nhân viên máy dùng để khoá mã" en="The staff key this kiosk seals to"/></h2>
            <p><Bi vi="Dấu vân tay — so từng nhóm với màn hình của bàn tiếp đón:" en="Fingerprint — compare each group with the staff desk's screen:"/></p>
            <Fingerprint text=staff_fp.clone() />
            <p class=status_class>{move || two(status())}</p>
            <Show when=move || can_pin.get()>
                <button type="button" class="desk-button desk-button--primary" on:click=pin_it.clone()><Bi vi="Ghim khoá này" en="Pin this staff key"/></button>
            </Show>
        </section>
        <section class="panel" aria-labelledby="kiosk-key-title">
            <h2 id="kiosk-key-title"><Bi vi="Khoá của máy này" en="This kiosk's key"/></h2>
            <label for="kiosk-letter"><Bi vi="Chữ của máy này trên số phiếu (mỗi máy trong trung tâm một chữ khác)" en="This kiosk's letter on tickets (a different letter for each kiosk of the centre)"/></label>
            <select id="kiosk-letter" class="setup__letter" on:change=choose_letter>
                {KioskLetter::ALL.into_iter().map(|l| view! {
                    <option value=l.to_string() selected=move || letter.get() == l>{l.to_string()}</option>
                }).collect_view()}
            </select>
            <p><Bi vi="Đăng ký máy này ở bàn tiếp đón bằng cách quét mã dưới đây. So dấu vân tay trên hai màn hình. Đổi chữ thì đăng ký lại." en="Enrol this kiosk at the staff desk by scanning the code below; compare the fingerprints on both screens. After changing the letter, enrol it again."/></p>
            {has_key.then(|| view! {
                <p><Bi vi="Số máy" en="Kiosk number"/>": " <strong>{kiosk_id}</strong></p>
                <Fingerprint text=kiosk_fp />
                <div class="setup__qr" role="img" aria-label="QR: mã đăng ký của máy / kiosk enrolment" inner_html=kiosk_qr></div>
                <details class="setup__line">
                    <summary><Bi vi="Dòng chữ để dán thay cho quét mã" en="The line to paste instead of scanning"/></summary>
                    <p><code class="setup__hex">{move || enrolment.get()}</code></p>
                </details>
            })}
        </section>
    }
}

/// Kept values that could not be read, each with what it means and what to do; the
/// ticket counter's restarts.
#[component]
fn Unreadable() -> impl IntoView {
    let names = storage::unreadable();
    let restarted = storage::restarted();
    if names.is_empty() && restarted.is_empty() {
        return ().into_any();
    }
    let new_key = move |_| {
        if device::replace_kiosk_key().is_some()
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().reload();
        }
    };
    let forget_pin = move |_| {
        storage::forget(device::PINNED_STAFF_KEY);
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="panel unreadable" role="alert" aria-labelledby="unreadable-title">
            <h2 id="unreadable-title"><Bi vi="Dữ liệu lưu trên máy không đọc được" en="Kept data that cannot be read"/></h2>
            <ul>
                {names.into_iter().map(|name| {
                    let (what, id) = device::describe(name);
                    view! {
                        <li data-kept=id>{two(what)}
                            {(name == device::KIOSK_KEY).then(|| view! {
                                <button type="button" class="desk-button desk-button--primary" on:click=new_key><Bi vi="Tạo khoá mới" en="Make a new key"/></button>
                            })}
                            {(name == device::PINNED_STAFF_KEY).then(|| view! {
                                <button type="button" class="desk-button" on:click=forget_pin><Bi vi="Bỏ khoá đã ghim không đọc được" en="Forget the unreadable pin"/></button>
                            })}
                        </li>
                    }
                }).collect_view()}
                {restarted.into_iter().map(|(name, day)| view! {
                    <li data-kept="restarted">{two(Two::owned(format!("Bộ đếm số phiếu không đọc được và đã bắt đầu lại từ 1 ngày {day} ({name})."), format!("The ticket counter could not be read and started again at 1 on {day}.")))}</li>
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// The whole setup page.
#[component]
pub fn SetupApp() -> impl IntoView {
    let unlocked = RwSignal::new(false);
    let loaded = LocalResource::new(|| load_config_from("../centre.json"));
    view! {
        <main class="desk" id="main">
            {move || loaded.get().map(|result: Result<CentreConfig, SetupError>| match result {
                Err(error) => view! { <SetupErrorView error=error /> }.into_any(),
                Ok(config) => {
                    let config = Arc::new(config);
                    (move || if unlocked.get() {
                        view! { <SetupScreen config=config.clone() /> }.into_any()
                    } else {
                        view! { <PinGate unlocked=unlocked /> }.into_any()
                    }).into_any()
                }
            })}
        </main>
    }
}
