//! The staff key: created here and kept only wrapped under a passphrase, with the first
//! backup part of creating it; imported from a backup; unlocked for a shift. No form carries
//! a username or a password-manager hint: a browser that saved the passphrase would keep it
//! beside the wrapped key (docs/deploy.md also turns the password manager off by policy).
use super::download::{download_keeping_link, revoke};
use super::store;
use super::{Desk, DeskState};
use crate::ui::bilingual::{Bi, bilingual};
use intake::desk::wrap::{WrapError, WrappedKey, wrap};
use intake::handoff::KeyPair;
use leptos::prelude::*;

fn wrap_message(e: &WrapError) -> &'static str {
    match e {
        WrapError::PassphraseTooShort => {
            "Mật khẩu cần ít nhất 10 ký tự. / The passphrase needs at least 10 characters."
        }
        WrapError::WrongPassphrase => {
            "Sai mật khẩu, hoặc tệp sao lưu bị hỏng. / Wrong passphrase, or the backup is damaged."
        }
        WrapError::NotABackup => {
            "Đây không phải tệp sao lưu khoá nhân viên. / This is not a staff key backup."
        }
        WrapError::NoRandomness => {
            "Thiết bị không tạo được số ngẫu nhiên. / The device gave no randomness."
        }
    }
}

/// Runs `work` after the browser has painted "working…" (Argon2id takes a moment).
fn after_paint(work: impl FnOnce() + 'static) {
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

/// No key on this device yet: create one, or import a backup.
#[component]
pub fn CreateOrImport() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let backup = RwSignal::new(String::new());
    let import_pass = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let created = RwSignal::new(None::<(WrappedKey, KeyPair)>);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pass.get() != again.get() {
            message.set(Some(
                "Hai mật khẩu không giống nhau. / The two passphrases differ.".into(),
            ));
            return;
        }
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            let result = KeyPair::generate()
                .map_err(|_| WrapError::NoRandomness)
                .and_then(|pair| wrap(&pair, &pass.get_untracked()).map(|w| (w, pair)));
            match result {
                Ok(made) => {
                    pass.set(String::new());
                    again.set(String::new());
                    message.set(None);
                    created.set(Some(made));
                }
                Err(e) => message.set(Some(wrap_message(&e).into())),
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
                None => message.set(Some(
                    "Trình duyệt không cho tải xuống. / The browser refused the download.".into(),
                )),
            }
        }
    };
    let loaded = RwSignal::new(String::new());
    let proof_pass = RwSignal::new(String::new());
    let read_file = move |ev: leptos::ev::Event| {
        let file = event_target::<web_sys::HtmlInputElement>(&ev)
            .files()
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(text) => loaded.set(text.as_string().unwrap_or_default()),
                    Err(_) => message.set(Some(
                        "Không đọc được tệp. / The file could not be read.".into(),
                    )),
                }
            });
        }
    };
    let prove = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((wrapped, pair)) = created.get_untracked() else {
            return;
        };
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            // The very file that was downloaded, and the passphrase that opens it.
            let result = WrappedKey::parse(loaded.get_untracked().trim()).and_then(|w| {
                if w != wrapped {
                    return Err(WrapError::NotABackup);
                }
                w.unwrap_key(&proof_pass.get_untracked())
            });
            match result {
                Ok(_) if store::keep_wrapped_key(&wrapped) => {
                    store::ask_persistent_storage();
                    if let Some(url) = link.get_untracked() {
                        revoke(&url);
                    }
                    proof_pass.set(String::new());
                    desk.state.set(DeskState::Unlocked(pair));
                }
                Ok(_) => message.set(Some("Không lưu được. / Could not save.".into())),
                Err(WrapError::NotABackup) => message.set(Some(
                    "Đây không phải tệp sao lưu vừa tải xuống. Chọn đúng tệp staff-key-backup.json vừa lưu. / This is not the backup just downloaded: choose the staff-key-backup.json you saved.".into(),
                )),
                Err(e) => message.set(Some(wrap_message(&e).into())),
            }
        });
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            // Kept re-wrapped at this device's own cost, whatever the backup's was.
            let secret = import_pass.get_untracked();
            let result = WrappedKey::parse(&backup.get_untracked())
                .and_then(|w| w.unwrap_key(&secret))
                .and_then(|pair| wrap(&pair, &secret).map(|w| (w, pair)));
            match result {
                Ok((wrapped, _)) if !store::keep_wrapped_key(&wrapped) => {
                    message.set(Some("Không lưu được khoá trên thiết bị này. / The key could not be kept on this device.".into()));
                }
                Ok((_, pair)) => {
                    store::ask_persistent_storage();
                    backup.set(String::new());
                    import_pass.set(String::new());
                    desk.state.set(DeskState::Unlocked(pair));
                }
                Err(e) => message.set(Some(wrap_message(&e).into())),
            }
        });
    };

    view! {
        <h1><Bi vi="Bàn tiếp đón — chưa có khoá" en="Intake desk — no staff key yet"/></h1>
        <p class="desk__message" role="alert">{move || message.get().map(bilingual)}</p>
        <Show when=move || busy.get()><p role="status"><Bi vi="Đang xử lý…" en="Working…"/></p></Show>
        {move || match created.get() {
            Some((wrapped, _)) => view! {
                <section class="panel">
                    <h2><Bi vi="Lưu bản sao lưu trước khi dùng" en="Save the backup before use"/></h2>
                    <p>"Khoá mới / New key: " <strong class="fingerprint">{wrapped.public().map(|p| p.fingerprint()).unwrap_or_default()}</strong></p>
                    <p><Bi vi="Nếu trình duyệt bị xoá dữ liệu, chỉ bản sao lưu này mở được các mã đang chờ. Cất nó ở nơi an toàn (USB trong ngăn khoá)." en="If this browser is cleared, only this backup opens waiting codes. Keep it locked away (a USB stick in a locked drawer)."/></p>
                    <h3><Bi vi="1. Tải bản sao lưu" en="1. Download the backup"/></h3>
                    <button type="button" class="desk-button desk-button--primary" on:click=save_backup><Bi vi="Tải bản sao lưu" en="Download the backup"/></button>
                    {move || link.get().map(|url| view! {
                        <a class="desk-button" href=url download="staff-key-backup.json"><Bi vi="Tải lại" en="Download again"/></a>
                    })}
                    <h3><Bi vi="2. Mở lại tệp vừa lưu để chắc chắn nó dùng được" en="2. Load the saved file back, to be sure it works"/></h3>
                    <form on:submit=prove>
                        <label><Bi vi="Tệp sao lưu vừa lưu" en="The backup file you saved"/>
                            <input type="file" accept=".json,application/json" on:change=read_file /></label>
                        <label><Bi vi="hoặc dán nội dung tệp" en="or paste the file's contents"/>
                            <textarea rows="3" autocomplete="off" spellcheck="false" bind:value=loaded></textarea></label>
                        <label><Bi vi="Mật khẩu (nhập lại)" en="The passphrase (again)"/>
                            <input type="password" autocomplete="off" bind:value=proof_pass /></label>
                        <button type="submit" class="desk-button desk-button--primary"><Bi vi="Kiểm tra và bắt đầu" en="Check and start"/></button>
                    </form>
                    <p><Bi vi="Khoá chỉ được giữ trên máy này sau khi tệp sao lưu mở được." en="The key is kept on this device only once the backup opens."/></p>
                </section>
            }.into_any(),
            None => view! {
                <section class="panel">
                    <h2><Bi vi="Tạo khoá nhân viên" en="Create the staff key"/></h2>
                    <form on:submit=create>
                        <label><Bi vi="Mật khẩu (ít nhất 10 ký tự)" en="Passphrase (10+ characters)"/>
                            <input type="password" autocomplete="off" bind:value=pass /></label>
                        <label><Bi vi="Nhập lại" en="Again"/>
                            <input type="password" autocomplete="off" bind:value=again /></label>
                        <button type="submit" class="desk-button desk-button--primary"><Bi vi="Tạo khoá" en="Create"/></button>
                    </form>
                </section>
                <section class="panel">
                    <h2><Bi vi="Nhập bản sao lưu" en="Import a backup"/></h2>
                    <form on:submit=import>
                        <label><Bi vi="Nội dung tệp sao lưu" en="Backup file contents"/>
                            <textarea rows="5" autocomplete="off" spellcheck="false" bind:value=backup></textarea></label>
                        <label><Bi vi="Mật khẩu" en="Passphrase"/>
                            <input type="password" autocomplete="off" bind:value=import_pass /></label>
                        <button type="submit" class="desk-button"><Bi vi="Nhập" en="Import"/></button>
                    </form>
                </section>
            }.into_any(),
        }}
    }
}

/// The desk is locked: unlock it for a shift.
#[component]
pub fn Unlock(
    /// The wrapped key kept on this device.
    wrapped: WrappedKey,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let pass = RwSignal::new(String::new());
    let message = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let fingerprint = wrapped
        .public()
        .map(|p| p.fingerprint())
        .unwrap_or_default();
    let wrapped = StoredValue::new(wrapped);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            match wrapped.with_value(|w| w.unwrap_key(&pass.get_untracked())) {
                Ok(pair) => {
                    pass.set(String::new());
                    desk.state.set(DeskState::Unlocked(pair));
                }
                Err(e) => message.set(Some(wrap_message(&e))),
            }
        });
    };
    view! {
        <h1><Bi vi="Bàn tiếp đón đang khoá" en="Intake desk is locked"/></h1>
        <p><Bi vi="Khoá nhân viên" en="Staff key: "/> <strong class="fingerprint">{fingerprint}</strong></p>
        <form class="panel" on:submit=submit>
            <label><Bi vi="Mật khẩu" en="Passphrase"/>
                <input type="password" autocomplete="off" bind:value=pass /></label>
            <button type="submit" class="desk-button desk-button--primary"><Bi vi="Mở khoá" en="Unlock"/></button>
        </form>
        <Show when=move || busy.get()><p role="status"><Bi vi="Đang mở khoá…" en="Unlocking…"/></p></Show>
        <p class="desk__message" role="alert">{move || message.get().map(bilingual)}</p>
    }
}
