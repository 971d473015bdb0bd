//! The kiosks view: the enrolled kiosks, each with its state and time; enrol, revoke,
//! restore.
use super::desk_view::when;
use super::{now_minutes, store};
use crate::ui::bilingual::{Bi, two};
use intake::handoff::{EnrolledKiosk, KioskState};
use intake::pairing::Enrolment;
use intake::two::Two;
use leptos::prelude::*;

/// The enrolled kiosks: add one by its public key; revoke a lost one, or restore it once
/// found — each after a confirmation, each change recorded with its time.
#[component]
pub fn Kiosks(
    /// The list, kept on this device.
    kiosks: RwSignal<Vec<EnrolledKiosk>>,
    /// The key being enrolled (typed, pasted or scanned).
    new_key: RwSignal<String>,
    /// The key came from the scan field (said above the enrol field until enrolled).
    key_read: RwSignal<bool>,
    /// The desk's staff keys (the list is kept sealed under them).
    ring: StoredValue<intake::desk::keyring::Keyring>,
) -> impl IntoView {
    let message = RwSignal::new(None::<Two>);
    // Nothing changes unless it is kept (an unreadable kept list is not written over).
    let save = move |list: Vec<EnrolledKiosk>| {
        let kept = ring.with_value(|r| store::keep_kiosks(r, &list));
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
                if let Some(other) = EnrolledKiosk::holding_letter(&list, letter) {
                    let id = other.public.kiosk_id();
                    message.set(Some(Two::owned(
                        format!("Chữ {letter} đang được máy {letter} · {id} dùng: hai máy cùng chữ sẽ phát trùng số thứ tự. Đổi chữ trên trang cài đặt của máy mới (hoặc thu hồi máy cũ), rồi đăng ký lại."),
                        format!("Letter {letter} is in use by kiosk {letter} · {id}: two kiosks with one letter hand out the same tickets. Change the new kiosk's letter on its setup page (or revoke the old kiosk), then enrol it again."),
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
                key_read.set(false);
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
                        // A kiosk found again cannot take back a letter a replacement now holds.
                        if next == KioskState::Restored && let Some(k) = list.get(i) {
                            let others: Vec<EnrolledKiosk> = list.iter().filter(|o| o.public != k.public).cloned().collect();
                            if let Some(holder) = EnrolledKiosk::holding_letter(&others, k.letter) {
                                let (letter, id) = (k.letter, holder.public.kiosk_id());
                                message.set(Some(Two::owned(
                                    format!("Chữ {letter} đang được máy {letter} · {id} dùng: máy này vẫn bị thu hồi (hai máy cùng chữ sẽ phát trùng số thứ tự). Muốn dùng lại máy này, trước hết thu hồi máy {letter} · {id}."),
                                    format!("Letter {letter} is in use by kiosk {letter} · {id}: this kiosk stays revoked (two kiosks with one letter hand out the same tickets). To use it again, first revoke kiosk {letter} · {id}."),
                                )));
                                return;
                            }
                        }
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
                            <button type="button" class="desk-button kiosks__action" class:desk-button--warning=!revoked hidden=move || asking.get()
                                on:click=move |_| asking.set(true)>{two(ask)}</button>
                            <span class="kiosks__confirm" role="group" hidden=move || !asking.get()>
                                <span>{two(confirm)}</span>
                                <button type="button" class="desk-button" class:desk-button--primary=revoked class:desk-button--warning=!revoked on:click=set>
                                    {if revoked { two(Two::new("Xác nhận khôi phục", "Confirm restore")) } else { two(Two::new("Xác nhận thu hồi", "Confirm revoke")) }}
                                </button>
                                <button type="button" class="desk-button" on:click=move |_| asking.set(false)><Bi vi="Huỷ" en="Cancel"/></button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="desk__notice" role="status" hidden=move || !key_read.get()>
                <Bi vi="Đã đọc khoá của một máy tiếp đón: so sánh dấu vân tay rồi bấm Đăng ký." en="A kiosk key was read: compare the fingerprint, then press Enrol."/>
            </p>
            <form on:submit=enrol>
                <label for="kiosk-key"><Bi vi="Mã đăng ký của máy tiếp đón (trên trang cài đặt của máy, ví dụ A=…)" en="Kiosk enrolment (from its setup page, like A=…)"/></label>
                <input id="kiosk-key" type="text" autocomplete="off" spellcheck="false" bind:value=new_key />
                <button type="submit" class="desk-button"><Bi vi="Đăng ký" en="Enrol"/></button>
            </form>
            <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
        </section>
    }
}
