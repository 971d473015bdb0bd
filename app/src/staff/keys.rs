//! The staff key: created here and kept only wrapped under a passphrase (a generated one
//! by default), with the first backup part of creating it; imported from a backup; unlocked
//! for a shift. No form carries a username or a password-manager hint: a browser that saved
//! the passphrase would keep it beside the wrapped key (docs/deploy.md also turns the
//! password manager off by policy).
use super::download::{download_keeping_link, revoke};
use super::{Desk, DeskState, Unlocked, now_minutes, store};
use crate::ui::bilingual::{Bi, two};
use intake::desk::decisions::Initials;
use intake::desk::keyring::{Keyring, WrappedKeyring};
use intake::desk::passphrase::generate;
use intake::desk::wrap::{WrapError, WrappedKey, open_backup, wrap};
use intake::handoff::KeyPair;
use intake::two::Two;
use leptos::prelude::*;

pub(super) fn wrap_message(e: &WrapError) -> Two {
    match e {
        WrapError::PassphraseTooShort => Two::new(
            "Mật khẩu cần ít nhất 10 ký tự.",
            "The passphrase needs at least 10 characters.",
        ),
        WrapError::WrongPassphrase => Two::new(
            "Sai mật khẩu (hoặc tệp sao lưu bị hỏng). Gõ đúng như trên giấy; mật khẩu gợi ý là chữ thường, không dấu, một dấu cách giữa các từ: tắt bộ gõ tiếng Việt (Unikey, EVKey) khi gõ.",
            "Wrong passphrase (or the backup file is damaged). Type it exactly as on your paper; a suggested one is lowercase, without accents, one space between words: turn a Vietnamese keyboard (Unikey, EVKey) off while typing it.",
        ),
        WrapError::NotABackup => Two::new(
            "Đây không phải tệp sao lưu khoá nhân viên.",
            "This is not a staff key backup.",
        ),
        WrapError::NoRandomness => Two::new(
            "Thiết bị không tạo được số ngẫu nhiên.",
            "The device gave no randomness.",
        ),
        // intake::pairing::DEMO_KEY_ALLOWED: only `make run`'s demo build takes it. Said the
        // same on every form that can meet it (import, unlock, adding a key).
        WrapError::DemoKey => Two::new(
            "Đây là khoá DEMO đi kèm mã nguồn: phần bí mật của nó đã công khai, ai cũng lấy được, nên bản chính thức của phần mềm không dùng khoá này. Hãy dùng khoá của chính trung tâm; nếu chưa có, báo người quản lý.",
            "This is the DEMO key shipped with the source: its private half is public, anyone can get it, so the release software does not use it. Use the centre's own key; if there is none yet, tell the admin.",
        ),
    }
}

/// Runs `work` after the browser has painted "working…" (Argon2id takes a moment).
pub(super) fn after_paint(work: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move {
        gloo_timers_tick().await;
        work();
    });
}

async fn gloo_timers_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Keeps `ring` wrapped under `passphrase` and unlocks the desk with it.
pub(super) fn keep_ring(desk: Desk, ring: Keyring, passphrase: &str) -> Result<(), Two> {
    let (wrapped, wrapping) = ring.lock(passphrase).map_err(|e| wrap_message(&e))?;
    if !store::keep_keyring(&wrapped) {
        return Err(Two::new(
            "Không lưu được khoá trên thiết bị này.",
            "The key could not be kept on this device.",
        ));
    }
    store::ask_persistent_storage();
    desk.state
        .set(DeskState::Unlocked(Unlocked { ring, wrapping }));
    Ok(())
}

/// Reads the first file chosen in an `<input type=file>` into `into`.
pub(super) fn read_file_into(
    into: RwSignal<String>,
    message: RwSignal<Option<Two>>,
) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let file = input.files().and_then(|f| f.get(0));
        // Cleared, so choosing the same file again reads it again.
        input.set_value("");
        if let Some(file) = file {
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(text) => into.set(text.as_string().unwrap_or_default()),
                    Err(_) => message.set(Some(Two::new(
                        "Không đọc được tệp.",
                        "The file could not be read.",
                    ))),
                }
            });
        }
    }
}

/// Why a key changed: asked, never assumed (after a loss, every older key counts as
/// compromised). `chosen` is `Some(true)` after a loss.
#[component]
pub fn ReasonChoice(
    /// The radio group's name.
    name: &'static str,
    /// The question.
    legend: Two,
    /// A routine change, in words.
    routine: Two,
    /// A change after a loss, in words.
    after_loss: Two,
    /// The answer, none until chosen.
    chosen: RwSignal<Option<bool>>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{two(legend)}</legend>
            <label><input type="radio" name=name checked=move || chosen.get() == Some(false)
                on:change=move |_| chosen.set(Some(false))/>{two(routine)}</label>
            <label><input type="radio" name=name checked=move || chosen.get() == Some(true)
                on:change=move |_| chosen.set(Some(true))/>{two(after_loss)}</label>
        </fieldset>
    }
}

/// A backup given back to the desk: its file (or its text pasted) and its passphrase.
#[component]
pub fn BackupFields(
    /// The file picker's label.
    file_label: Two,
    /// The paste box's label.
    paste_label: Two,
    /// The passphrase field's label.
    pass_label: Two,
    /// The backup's text, from the file or pasted.
    text: RwSignal<String>,
    /// Its passphrase.
    passphrase: RwSignal<String>,
    /// Where an unreadable file is reported.
    message: RwSignal<Option<Two>>,
    /// The paste box's height.
    #[prop(default = 3)]
    rows: u32,
) -> impl IntoView {
    let read_file = read_file_into(text, message);
    view! {
        <label>{two(file_label)}
            <input type="file" accept=".json,application/json" on:change=read_file /></label>
        <label>{two(paste_label)}
            <textarea rows=rows autocomplete="off" spellcheck="false" bind:value=text></textarea></label>
        <label>{two(pass_label)}
            <input type="password" autocomplete="off" bind:value=passphrase /></label>
    }
}

/// Making a new staff key: a passphrase (generated, or typed and checked), the key, its
/// backup downloaded and then loaded back and opened. Only then does `on_proven` get the key
/// and the passphrase that opened its backup.
#[component]
pub fn NewKey(
    /// Called once the backup is proven.
    on_proven: Callback<(KeyPair, String)>,
) -> impl IntoView {
    let suggested = RwSignal::new(generate().unwrap_or_default());
    let own = RwSignal::new(false);
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Two>);
    let busy = RwSignal::new(false);
    let created = RwSignal::new(None::<(WrappedKey, KeyPair)>);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let own_typed = own.get_untracked();
        let typed = pass.get_untracked();
        if own_typed && typed != again.get_untracked() {
            message.set(Some(Two::new(
                "Hai mật khẩu không giống nhau.",
                "The two passphrases differ.",
            )));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let passphrase = if own_typed {
                // A short one is refused by the wrapping itself, with its own message.
                if typed.chars().count() >= intake::desk::wrap::MIN_PASSPHRASE_CHARS {
                    match super::strength::is_strong(typed.clone()).await {
                        Some(true) => {}
                        Some(false) => {
                            busy.set(false);
                            message.set(Some(Two::new("Mật khẩu này dễ đoán. Hãy dùng mật khẩu gợi ý, hoặc một chuỗi dài hơn gồm những từ không liên quan đến nhau và không liên quan đến trung tâm.", "This passphrase is easy to guess: use the suggested one, or a longer line of words that have nothing to do with each other or with the centre.")));
                            return;
                        }
                        None => {
                            busy.set(false);
                            message.set(Some(Two::new("Không kiểm tra được độ mạnh của mật khẩu lúc này (mất mạng?). Hãy dùng mật khẩu gợi ý.", "The passphrase's strength cannot be checked now (offline?): use the suggested passphrase.")));
                            return;
                        }
                    }
                }
                typed
            } else {
                suggested.get_untracked()
            };
            if passphrase.is_empty() {
                busy.set(false);
                message.set(Some(wrap_message(&WrapError::NoRandomness)));
                return;
            }
            gloo_timers_tick().await;
            busy.set(false);
            let result = KeyPair::generate()
                .map_err(|_| WrapError::NoRandomness)
                .and_then(|pair| wrap(&pair, &passphrase).map(|w| (w, pair)));
            match result {
                Ok(made) => {
                    pass.set(String::new());
                    again.set(String::new());
                    message.set(None);
                    created.set(Some(made));
                }
                Err(e) => message.set(Some(wrap_message(&e))),
            }
        });
    };
    // The key is kept only once its backup is proven: downloaded, loaded back from where it
    // was saved, and unwrapped with the passphrase. Until then the download's link stays
    // valid, and nothing is kept (a page hidden while the file picker is open loses nothing:
    // all of it is in this page's memory).
    let link = RwSignal::new(None::<String>);
    let save_backup = move |_| {
        if let Some((wrapped, _)) = created.get_untracked() {
            match download_keeping_link(
                "staff-key-backup.json",
                "application/json",
                &wrapped.to_json(),
            ) {
                Some(url) => {
                    if let Some(old) = link.get_untracked() {
                        revoke(&old);
                    }
                    link.set(Some(url));
                    message.set(None);
                }
                None => message.set(Some(Two::new(
                    "Trình duyệt không cho tải xuống.",
                    "The browser refused the download.",
                ))),
            }
        }
    };
    let loaded = RwSignal::new(String::new());
    let proof_pass = RwSignal::new(String::new());
    let prove = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((wrapped, pair)) = created.get_untracked() else {
            return;
        };
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            // The very file that was downloaded, and the passphrase that opens it.
            let passphrase = proof_pass.get_untracked();
            let result = WrappedKey::parse(loaded.get_untracked().trim()).and_then(|w| {
                if w != wrapped {
                    return Err(WrapError::NotABackup);
                }
                w.unwrap_key(&passphrase)
            });
            match result {
                Ok(_) => {
                    if let Some(url) = link.get_untracked() {
                        revoke(&url);
                    }
                    proof_pass.set(String::new());
                    on_proven.run((pair, passphrase));
                }
                Err(WrapError::NotABackup) => message.set(Some(
                    Two::new("Đây không phải tệp sao lưu vừa tải xuống. Chọn đúng tệp staff-key-backup.json vừa lưu.", "This is not the backup just downloaded: choose the staff-key-backup.json you saved."),
                )),
                Err(e) => message.set(Some(wrap_message(&e))),
            }
        });
    };

    view! {
        <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
        <Show when=move || busy.get()><p role="status"><Bi vi="Đang xử lý…" en="Working…"/></p></Show>
        {move || match created.get() {
            Some((wrapped, _)) => view! {
                <div class="new-key">
                    <h3><Bi vi="Lưu bản sao lưu trước khi dùng" en="Save the backup before use"/></h3>
                    <p><Bi vi="Khoá mới" en="New key:"/>" " <strong class="fingerprint">{wrapped.public().map(|p| p.fingerprint()).unwrap_or_default()}</strong></p>
                    <p><Bi vi="Nếu trình duyệt bị xoá dữ liệu, chỉ bản sao lưu này cùng mật khẩu mới mở được các mã đang chờ. Cất nó ở nơi an toàn (USB trong ngăn kéo có khoá), tách khỏi tờ giấy ghi mật khẩu. Ghi dấu vân tay của khoá (ở trên) lên cả giấy và USB." en="If this browser is cleared, only this backup with its passphrase opens waiting codes. Keep it locked away (a USB stick in a locked drawer), apart from the paper with the passphrase. Write the key's fingerprint (above) on both the paper and the USB stick."/></p>
                    <h4><Bi vi="1. Tải bản sao lưu" en="1. Download the backup"/></h4>
                    <button type="button" class="desk-button desk-button--primary" on:click=save_backup><Bi vi="Tải bản sao lưu" en="Download the backup"/></button>
                    {move || link.get().map(|url| view! {
                        <a class="desk-button" href=url download="staff-key-backup.json"><Bi vi="Tải lại" en="Download again"/></a>
                    })}
                    <h4><Bi vi="2. Mở lại tệp vừa lưu để chắc chắn nó dùng được" en="2. Load the saved file back, to be sure it works"/></h4>
                    <form on:submit=prove>
                        <BackupFields text=loaded passphrase=proof_pass message=message
                            file_label=Two::new("Tệp sao lưu vừa lưu", "The backup file you saved")
                            paste_label=Two::new("hoặc dán nội dung tệp", "or paste the file's contents")
                            pass_label=Two::new("Mật khẩu (gõ lại từ tờ giấy)", "The passphrase (typed again from your paper)") />
                        <button type="submit" class="desk-button desk-button--primary"><Bi vi="Kiểm tra và bắt đầu" en="Check and start"/></button>
                    </form>
                    <p><Bi vi="Khoá chỉ được giữ trên máy này sau khi tệp sao lưu mở được." en="The key is kept on this device only once the backup opens."/></p>
                </div>
            }.into_any(),
            None => view! {
                <form class="new-key" on:submit=create>
                    <div hidden=move || own.get()>
                        <p><Bi vi="Mật khẩu gợi ý (sáu từ không dấu, do máy chọn ngẫu nhiên):" en="Suggested passphrase (six plain words the device chose at random):"/></p>
                        <p class="passphrase" data-testid="suggested-passphrase">{move || suggested.get()}</p>
                        <p><Bi vi="Chép ra giấy ngay, đúng từng chữ: chữ thường, không dấu, một dấu cách giữa các từ. Cất riêng khỏi bản sao lưu. Không chụp ảnh, không lưu trong trình duyệt. Khi gõ, tắt bộ gõ tiếng Việt (Unikey, EVKey)." en="Copy it onto paper now, letter by letter: lowercase, no accents, one space between words. Keep it apart from the backup. No photo, and do not save it in the browser. Turn a Vietnamese keyboard (Unikey, EVKey) off when typing it."/></p>
                        <button type="button" class="desk-button" on:click=move |_| { suggested.set(generate().unwrap_or_default()); }><Bi vi="Gợi ý khác" en="Another suggestion"/></button>
                        <button type="button" class="desk-button" on:click=move |_| own.set(true)><Bi vi="Tự đặt mật khẩu" en="Use my own passphrase"/></button>
                    </div>
                    <div hidden=move || !own.get()>
                        <label><Bi vi="Mật khẩu của bạn (ít nhất 10 ký tự, khó đoán)" en="Your passphrase (10+ characters, hard to guess)"/>
                            <input type="password" autocomplete="off" bind:value=pass /></label>
                        <label><Bi vi="Nhập lại" en="Again"/>
                            <input type="password" autocomplete="off" bind:value=again /></label>
                        <button type="button" class="desk-button" on:click=move |_| own.set(false)><Bi vi="Dùng mật khẩu gợi ý" en="Use the suggested passphrase"/></button>
                    </div>
                    <button type="submit" class="desk-button desk-button--primary"><Bi vi="Tạo khoá" en="Create the key"/></button>
                </form>
            }.into_any(),
        }}
    }
}

/// No key on this device yet: create one, or import a backup.
#[component]
pub fn CreateOrImport() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let backup = RwSignal::new(String::new());
    let import_pass = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Two>);
    let busy = RwSignal::new(false);

    let on_proven = Callback::new(move |(pair, passphrase): (KeyPair, String)| {
        if let Err(m) = keep_ring(desk, Keyring::new(pair, now_minutes()), &passphrase) {
            message.set(Some(m));
        }
    });
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            // Kept re-wrapped at this device's own cost, whatever the backup's was.
            let secret = import_pass.get_untracked();
            let result = open_backup(&backup.get_untracked(), &secret);
            match result {
                Ok(pair) => match keep_ring(desk, Keyring::new(pair, now_minutes()), &secret) {
                    Ok(()) => {
                        backup.set(String::new());
                        import_pass.set(String::new());
                    }
                    Err(m) => message.set(Some(m)),
                },
                Err(e) => message.set(Some(wrap_message(&e))),
            }
        });
    };

    view! {
        <h1><Bi vi="Bàn tiếp đón — chưa có khoá" en="Intake desk — no staff key yet"/></h1>
        <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
        <Show when=move || busy.get()><p role="status"><Bi vi="Đang xử lý…" en="Working…"/></p></Show>
        <section class="panel">
            <h2><Bi vi="Tạo khoá nhân viên" en="Create the staff key"/></h2>
            <NewKey on_proven=on_proven />
        </section>
        <section class="panel">
            <h2><Bi vi="Nhập bản sao lưu" en="Import a backup"/></h2>
            <form on:submit=import>
                <BackupFields text=backup passphrase=import_pass message=message rows=5
                    file_label=Two::new("Tệp sao lưu", "Backup file")
                    paste_label=Two::new("hoặc dán nội dung tệp sao lưu", "or paste the backup file's contents")
                    pass_label=Two::new("Mật khẩu", "Passphrase") />
                <button type="submit" class="desk-button"><Bi vi="Nhập" en="Import"/></button>
            </form>
        </section>
    }
}

/// The desk is locked: unlock it for a shift. Compromised keys past their window are
/// deleted on the way in.
#[component]
pub fn Unlock(
    /// The desk's keys, wrapped, as kept on this device.
    wrapped: WrappedKeyring,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let pass = RwSignal::new(String::new());
    let initials = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Two>);
    let busy = RwSignal::new(false);
    let fingerprint = wrapped
        .current_public()
        .map(|p| p.fingerprint())
        .unwrap_or_default();
    let wrapped = StoredValue::new(wrapped);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(who) = Initials::parse(&initials.get_untracked()) else {
            message.set(Some(super::initials::PROBLEM));
            return;
        };
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            match wrapped.with_value(|w| w.unlock(&pass.get_untracked())) {
                Ok((mut ring, wrapping)) => {
                    let secret = pass.get_untracked();
                    pass.set(String::new());
                    // The ring remembers the latest time it has seen (a clock set back does
                    // not lengthen a compromised key's window) and deletes keys whose window
                    // has ended; a ring wrapped below this device's cost is wrapped again at
                    // it, while the passphrase is at hand.
                    ring.observe(now_minutes());
                    ring.expire(now_minutes());
                    let kept = if wrapped.with_value(WrappedKeyring::below_device_cost) {
                        ring.lock(&secret).map(|(w, k)| (w, Some(k)))
                    } else {
                        ring.wrap(&wrapping).map(|w| (w, None))
                    };
                    let wrapping = match kept {
                        Ok((w, fresh)) => {
                            store::keep_keyring(&w);
                            fresh.unwrap_or(wrapping)
                        }
                        // Not kept: the deleted keys are still never tried.
                        Err(_) => wrapping,
                    };
                    desk.initials.set(Some(who));
                    desk.state
                        .set(DeskState::Unlocked(Unlocked { ring, wrapping }));
                }
                Err(e) => message.set(Some(wrap_message(&e))),
            }
        });
    };
    view! {
        <h1><Bi vi="Bàn tiếp đón đang khoá" en="Intake desk is locked"/></h1>
        <p><Bi vi="Khoá nhân viên" en="Staff key: "/> <strong class="fingerprint">{fingerprint}</strong></p>
        <form class="panel" on:submit=submit>
            <super::initials::InitialsField value=initials />
            <label><Bi vi="Mật khẩu" en="Passphrase"/>
                <input type="password" autocomplete="off" bind:value=pass /></label>
            <button type="submit" class="desk-button desk-button--primary"><Bi vi="Mở khoá" en="Unlock"/></button>
        </form>
        <Show when=move || busy.get()><p role="status"><Bi vi="Đang mở khoá…" en="Unlocking…"/></p></Show>
        <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
    }
}
