//! The desk's staff keys: which one kiosks seal to, which older ones still open codes, and
//! the changes staff make — a new key (routine, or after a loss), an old key added from its
//! backup, an older key marked compromised. Every change is kept at once, wrapped again.
use super::desk_view::when;
use super::keys::{BackupFields, NewKey, ReasonChoice, after_paint, keep_ring, wrap_message};
use super::{Desk, DeskState, Unlocked, now_minutes, store};
use crate::ui::bilingual::{Bi, two};
use intake::desk::keyring::{Keyring, KeyringError, Standing};
use intake::desk::wrap::{WrappingKey, open_backup};
use intake::handoff::{KeyPair, PublicKey};
use intake::two::Two;
use leptos::prelude::*;

/// Keeps a changed ring under the same passphrase, and shows it.
fn keep_changed(desk: Desk, ring: Keyring, wrapping: WrappingKey) -> Result<(), Two> {
    let wrapped = ring.wrap(&wrapping).map_err(|e| wrap_message(&e))?;
    if !store::keep_keyring(&wrapped) {
        return Err(Two::new(
            "Không lưu được khoá trên thiết bị này.",
            "The keys could not be kept on this device.",
        ));
    }
    desk.state
        .set(DeskState::Unlocked(Unlocked { ring, wrapping }));
    Ok(())
}

/// What a key is for, in words.
fn standing_text(ring: &Keyring, standing: Standing) -> Two {
    match standing {
        Standing::Current => Two::new(
            "Đang dùng: máy tiếp đón tạo mã cho khoá này",
            "Current: kiosks seal to this key",
        ),
        Standing::Retired { since_minutes } => {
            let since = when(since_minutes);
            Two::owned(
                format!("Khoá cũ từ {since}: vẫn mở mã tạo trước đó"),
                format!("Retired {since}: still opens codes made before"),
            )
        }
        Standing::Compromised { since_minutes, .. } => {
            let since = when(since_minutes);
            let left = ring.days_left(standing, now_minutes()).unwrap_or(0);
            Two::owned(
                format!(
                    "Có thể bị lộ, thu hồi {since}: mở mã kèm cảnh báo, bàn này xoá nó sau {left} ngày"
                ),
                format!(
                    "Compromised, retired {since}: opens with a warning, deleted from this desk in {left} days"
                ),
            )
        }
    }
}

/// The two reasons for a new key, the same on every form that asks.
const ROUTINE: Two = Two::new(
    "Đổi định kỳ: khoá cũ vẫn mở mã tạo trước đó",
    "A routine change: the old key still opens codes made before",
);
const AFTER_LOSS: Two = Two::new(
    "Mất thiết bị nhân viên, hoặc mật khẩu bị lộ: mọi khoá cũ của bàn bị coi là lộ",
    "A staff device was lost or the passphrase seen: every older key of the desk counts as compromised",
);

const CHOOSE_WHY: Two = Two::new(
    "Hãy chọn lý do đổi khoá trước.",
    "Choose why the key changed first.",
);

/// What a refused change to the ring means.
fn ring_error(e: KeyringError) -> Two {
    match e {
        KeyringError::AlreadyHeld => Two::new(
            "Bàn này đã giữ khoá này.",
            "This desk already holds this key.",
        ),
        KeyringError::Deleted => Two::new(
            "Khoá này đã bị lộ và đã bị xoá khỏi bàn này: không nhận lại.",
            "This key was compromised and deleted from this desk: it is not taken back.",
        ),
    }
}

/// The staff keys panel of an unlocked desk.
#[component]
pub fn StaffKeys(
    /// The desk's keys.
    ring: Keyring,
    /// The key that wraps them.
    wrapping: WrappingKey,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let days = desk.config.with_value(|c| c.compromised_key_days);
    let message = RwSignal::new(None::<Two>);
    let ring = StoredValue::new(ring);
    let wrapping = StoredValue::new(wrapping);
    // The desk redraws after a change and may reuse these elements: each form is closed
    // again, so nothing typed stays on screen.
    let new_key_box = NodeRef::<leptos::html::Details>::new();
    let taken_key_box = NodeRef::<leptos::html::Details>::new();
    let configured = StoredValue::new(desk.config.with_value(|c| c.staff_key().ok()));
    let old_key_box = NodeRef::<leptos::html::Details>::new();
    let close = move |b: NodeRef<leptos::html::Details>| {
        if let Some(d) = b.get_untracked() {
            d.set_open(false);
        }
    };

    // A new key: why (asked, never assumed), then the key with its proven backup under a
    // new passphrase.
    let after_loss = RwSignal::new(None::<bool>);
    let on_proven = Callback::new(move |(pair, passphrase): (KeyPair, String)| {
        let Some(lost) = after_loss.get_untracked() else {
            message.set(Some(CHOOSE_WHY));
            return;
        };
        let mut changed = ring.get_value();
        if let Err(e) = changed.rotate(pair, now_minutes(), lost, intake::clock::Span::days(days)) {
            message.set(Some(ring_error(e)));
            return;
        }
        close(new_key_box);
        close(taken_key_box);
        after_loss.set(None);
        match keep_ring(desk, changed, &passphrase) {
            Ok(()) => {
                let (vi_old, en_old) = if lost {
                    (
                        format!("các khoá cũ bị coi là lộ, bàn này xoá chúng sau {days} ngày"),
                        format!(
                            "the older keys count as compromised and are deleted from this desk in {days} days"
                        ),
                    )
                } else {
                    (
                        "khoá cũ vẫn mở mã tạo trước đó".to_owned(),
                        "the old one still opens codes made before".to_owned(),
                    )
                };
                desk.notice.set(Some(Two::owned(
                    format!("Đã giữ khoá mới; {vi_old}. Từ nay bàn này mở bằng mật khẩu mới: chỉ báo cho đồng nghiệp trực tiếp, không qua Zalo, tin nhắn hay ảnh. Tiếp theo: gửi người quản lý khoá công khai mới (mục “Khoá công khai của bàn” ở đầu trang) để đưa vào centre.json — không bao giờ gửi tệp sao lưu hay mật khẩu; ghim lại ở từng máy tiếp đón; ở các bàn khác dùng “Nhận khoá mới của trung tâm từ bản sao lưu…”."),
                    format!("The new key is kept; {en_old}. From now on this desk unlocks with the new passphrase: tell colleagues in person, never by Zalo, text or photo. Next: send the manager the new public key (“This desk's public key”, at the top) for centre.json — never the backup file or the passphrase; pin it on each kiosk; on the other desks use “Take the centre's new key from its backup…”."),
                )));
            }
            Err(m) => message.set(Some(m)),
        }
    });

    // An old key from its backup.
    let backup = RwSignal::new(String::new());
    let backup_pass = RwSignal::new(String::new());
    let old_compromised = RwSignal::new(None::<bool>);
    let busy = RwSignal::new(false);
    let add_old = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(is_compromised) = old_compromised.get_untracked() else {
            message.set(Some(CHOOSE_WHY));
            return;
        };
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            let pair = match open_backup(&backup.get_untracked(), &backup_pass.get_untracked()) {
                Ok(pair) => pair,
                Err(e) => {
                    message.set(Some(wrap_message(&e)));
                    return;
                }
            };
            // The centre's configured key is never added as an older key: it is the one
            // kiosks seal to, taken as current below.
            if configured.with_value(|c| c.as_ref() == Some(pair.public())) {
                message.set(Some(Two::new("Đây là khoá nhân viên trong centre.json: dùng “Nhận khoá mới của trung tâm từ bản sao lưu…” để nó thành khoá đang dùng.", "This is the staff key in centre.json: use “Take the centre's new key from its backup…” to make it the current key.")));
                return;
            }
            let mut changed = ring.get_value();
            match changed.add_old(
                pair,
                now_minutes(),
                is_compromised,
                intake::clock::Span::days(days),
            ) {
                Err(e) => message.set(Some(ring_error(e))),
                Ok(()) => {
                    backup.set(String::new());
                    backup_pass.set(String::new());
                    old_compromised.set(None);
                    close(old_key_box);
                    match keep_changed(desk, changed, wrapping.get_value()) {
                        Ok(()) => desk.notice.set(Some(Two::new(
                            "Đã thêm khoá cũ: mã tạo cho khoá đó mở được ở bàn này (kèm cảnh báo nếu khoá có thể bị lộ).",
                            "The old key is added: codes sealed to it open at this desk (with a warning if it may be compromised).",
                        ))),
                        Err(m) => message.set(Some(m)),
                    }
                }
            }
        });
    };

    // The centre's new key, from its backup, as this desk's current key (a second desk
    // following a change): kept under that backup's passphrase.
    let taken = RwSignal::new(String::new());
    let taken_pass = RwSignal::new(String::new());
    let taken_after_loss = RwSignal::new(None::<bool>);
    let take_new = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(lost) = taken_after_loss.get_untracked() else {
            message.set(Some(CHOOSE_WHY));
            return;
        };
        busy.set(true);
        after_paint(move || {
            busy.set(false);
            let secret = taken_pass.get_untracked();
            let pair = match open_backup(&taken.get_untracked(), &secret) {
                Ok(pair) => pair,
                Err(e) => {
                    message.set(Some(wrap_message(&e)));
                    return;
                }
            };
            let mut changed = ring.get_value();
            if let Err(e) =
                changed.rotate(pair, now_minutes(), lost, intake::clock::Span::days(days))
            {
                message.set(Some(ring_error(e)));
                return;
            }
            close(taken_key_box);
            taken.set(String::new());
            taken_pass.set(String::new());
            taken_after_loss.set(None);
            match keep_ring(desk, changed, &secret) {
                Ok(()) => desk.notice.set(Some(
                    Two::new("Khoá mới của trung tâm là khoá đang dùng ở bàn này; từ nay mở khoá bàn bằng mật khẩu của nó.", "The centre's new key is this desk's current key; unlock the desk with its passphrase from now on."),
                )),
                Err(m) => message.set(Some(m)),
            }
        });
    };

    let mark = move |public: PublicKey| {
        let mut changed = ring.get_value();
        if changed.mark_compromised(&public, now_minutes(), intake::clock::Span::days(days)) {
            match keep_changed(desk, changed, wrapping.get_value()) {
                Ok(()) => desk.notice.set(Some(Two::owned(format!("Khoá đã được đánh dấu là có thể bị lộ: mã của nó chỉ mở kèm cảnh báo, và khoá tự xoá sau {days} ngày."), format!("The key is marked compromised: its codes open only with a warning, and it is deleted in {days} days.")))),
                Err(m) => message.set(Some(m)),
            }
        }
    };

    let rows = ring.with_value(|r| {
        r.keys()
            .iter()
            .map(|k| {
                (
                    k.pair.public().clone(),
                    standing_text(r, k.standing),
                    k.standing,
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="panel no-print staff-keys" aria-labelledby="staff-keys-title">
            <h2 id="staff-keys-title"><Bi vi="Khoá nhân viên của bàn này" en="This desk's staff keys"/></h2>
            <ul class="staff-keys__list">
                {rows.into_iter().map(|(public, words, standing)| {
                    let asking = RwSignal::new(false);
                    let retired = matches!(standing, Standing::Retired { .. });
                    let fp = public.fingerprint();
                    let confirm = Two::owned(format!("Đánh dấu khoá {fp} là có thể bị lộ? Mã của nó chỉ mở kèm cảnh báo, và khoá tự xoá sau {days} ngày. Không hoàn tác được."), format!("Mark key {fp} compromised? Its codes open only with a warning, and it is deleted after {days} days. This cannot be undone."));
                    view! {
                        <li class="kiosks__row staff-keys__row" class:kiosks__row--revoked=matches!(standing, Standing::Compromised { .. })>
                            <span class="fingerprint">{fp}</span>
                            <span class="kiosks__state">{two(words)}</span>
                            {retired.then(|| {
                                let public = public.clone();
                                view! {
                                    <button type="button" class="desk-button kiosks__action" hidden=move || asking.get()
                                        on:click=move |_| asking.set(true)><Bi vi="Đánh dấu bị lộ…" en="Mark compromised…"/></button>
                                    <span class="kiosks__confirm" role="group" hidden=move || !asking.get()>
                                        <span>{two(confirm)}</span>
                                        <button type="button" class="desk-button desk-button--primary" on:click=move |_| mark(public.clone())>
                                            <Bi vi="Xác nhận bị lộ" en="Confirm compromised"/></button>
                                        <button type="button" class="desk-button" on:click=move |_| asking.set(false)><Bi vi="Huỷ" en="Cancel"/></button>
                                    </span>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="desk__notice" role="status">{move || desk.notice.get().map(two)}</p>
            <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
            <Show when=move || busy.get()><p role="status"><Bi vi="Đang xử lý…" en="Working…"/></p></Show>
            <details class="staff-keys__change" node_ref=new_key_box>
                <summary><Bi vi="Tạo khoá mới…" en="Make a new key…"/></summary>
                <ReasonChoice name="why-new-key" chosen=after_loss
                    legend=Two::new("Vì sao đổi khoá?", "Why a new key?")
                    routine=ROUTINE after_loss=AFTER_LOSS />
                <p><Bi vi="Khoá mới dùng mật khẩu mới. Sau đó: đưa khoá công khai mới vào centre.json, ghim lại ở từng máy tiếp đón, và nhập bản sao lưu mới ở các bàn khác." en="The new key has a new passphrase. Then: publish its public key in centre.json, pin it on each kiosk, and import the new backup on the other desks."/></p>
                <Show when=move || after_loss.get().is_some()
                    fallback=|| view! { <p class="step__hint"><Bi vi="Chọn lý do ở trên trước." en="Choose the reason above first."/></p> }>
                    <NewKey on_proven=on_proven />
                </Show>
            </details>
            <details class="staff-keys__change" node_ref=taken_key_box>
                <summary><Bi vi="Nhận khoá mới của trung tâm từ bản sao lưu…" en="Take the centre's new key from its backup…"/></summary>
                <p><Bi vi="Khi khoá mới được tạo ở một bàn khác: khoá đó thành khoá đang dùng ở đây, và từ nay bàn này mở bằng mật khẩu của nó." en="When the new key was made at another desk: it becomes the current key here, and this desk unlocks with its passphrase from now on."/></p>
                <form on:submit=take_new>
                    <ReasonChoice name="why-taken-key" chosen=taken_after_loss
                        legend=Two::new("Vì sao trung tâm đổi khoá?", "Why did the centre change keys?")
                        routine=ROUTINE after_loss=AFTER_LOSS />
                    <BackupFields text=taken passphrase=taken_pass message=message
                        file_label=Two::new("Tệp sao lưu của khoá mới", "The new key's backup file")
                        paste_label=Two::new("hoặc dán nội dung tệp", "or paste the file's contents")
                        pass_label=Two::new("Mật khẩu của khoá mới", "The new key's passphrase") />
                    <button type="submit" class="desk-button"><Bi vi="Dùng làm khoá đang dùng" en="Make it the current key"/></button>
                </form>
            </details>
            <details class="staff-keys__change" node_ref=old_key_box>
                <summary><Bi vi="Thêm khoá cũ từ bản sao lưu…" en="Add an old key from its backup…"/></summary>
                <form on:submit=add_old>
                    <BackupFields text=backup passphrase=backup_pass message=message
                        file_label=Two::new("Tệp sao lưu của khoá cũ", "The old key's backup file")
                        paste_label=Two::new("hoặc dán nội dung tệp", "or paste the file's contents")
                        pass_label=Two::new("Mật khẩu của bản sao lưu đó", "That backup's passphrase") />
                    <ReasonChoice name="why-old-key" chosen=old_compromised
                        legend=Two::new("Vì sao khoá này đã bị thay?", "Why was this key replaced?")
                        routine=Two::new("Đổi định kỳ", "A routine change")
                        after_loss=Two::new("Sau khi mất thiết bị hoặc lộ mật khẩu: khoá này có thể bị lộ", "After a lost device or a seen passphrase: this key may be known to someone") />
                    <button type="submit" class="desk-button"><Bi vi="Thêm khoá cũ" en="Add the old key"/></button>
                </form>
            </details>
        </section>
    }
}
