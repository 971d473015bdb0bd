//! Another desk of this centre, without a server: the kiosk list and the memory of opened
//! codes leave as files only a holder of the staff key can make or read
//! (`intake::desk::transfer`); a kiosk list is merged only after staff see what would change.
use super::desk_view::when;
use super::keys::read_file_into;
use super::store;
use crate::storage::Kept;
use crate::ui::bilingual::{Bi, two};
use intake::desk::keyring::Keyring;
use intake::desk::replay::ReplayMemory;
use intake::desk::transfer::{
    Incoming, KioskChange, TransferError, apply, export_kiosks, export_opened, import, plan,
};
use intake::desk::transfer_qr::{import_code, kiosks_code, looks_like};
use intake::handoff::EnrolledKiosk;
use intake::two::Two;
use leptos::prelude::*;

/// A file read, waiting for staff to confirm.
#[derive(Clone)]
enum Pending {
    Kiosks(Vec<KioskChange>),
    Opened(ReplayMemory, usize),
}

fn refused(e: TransferError) -> Two {
    match e {
        TransferError::NotThisCentre => Two::new(
            "Tệp hoặc mã này không được tạo bằng khoá nhân viên của trung tâm mà bàn này tin dùng (của nơi khác, giả mạo, làm bằng khoá đã báo mất, hoặc bàn kia đã dùng khoá mới mà bàn này chưa nhận): đã từ chối, không có gì thay đổi.",
            "This file or code was not made with a staff key this desk trusts (another centre's, forged, made with a key reported lost, or the other desk uses a new key this desk hasn't received): refused, nothing changed.",
        ),
        TransferError::OtherVersion => Two::new(
            "Tệp của một phiên bản khác: cập nhật cả hai bàn rồi xuất lại.",
            "A file of another version: update both desks, then export again.",
        ),
        TransferError::NotATransfer => Two::new(
            "Không phải tệp xuất từ một bàn tiếp đón khác.",
            "Not a file exported by another desk.",
        ),
        TransferError::NoRandomness => Two::new(
            "Thiết bị không tạo được số ngẫu nhiên: không xuất được.",
            "The device gave no randomness: nothing exported.",
        ),
    }
}

fn change_words(c: &KioskChange) -> Two {
    let name = |k: &EnrolledKiosk| format!("{} · {}", k.letter, k.public.kiosk_id());
    match c {
        KioskChange::Added(k) if k.is_revoked() => Two::owned(
            format!(
                "Thêm máy {} (đã thu hồi ở bàn kia {})",
                name(k),
                when(k.state_since_minutes)
            ),
            format!(
                "Add kiosk {} (revoked at the other desk {})",
                name(k),
                when(k.state_since_minutes)
            ),
        ),
        KioskChange::Added(k) => Two::owned(
            format!("Thêm máy {}", name(k)),
            format!("Add kiosk {}", name(k)),
        ),
        KioskChange::Revoked(k) => Two::owned(
            format!(
                "Thu hồi máy {} (thu hồi ở bàn kia {})",
                name(k),
                when(k.state_since_minutes)
            ),
            format!(
                "Revoke kiosk {} (revoked at the other desk {})",
                name(k),
                when(k.state_since_minutes)
            ),
        ),
        KioskChange::Restored(k) => Two::owned(
            format!(
                "Khôi phục máy {} (khôi phục ở bàn kia {})",
                name(k),
                when(k.state_since_minutes)
            ),
            format!(
                "Restore kiosk {} (restored at the other desk {})",
                name(k),
                when(k.state_since_minutes)
            ),
        ),
        KioskChange::LetterInUse { incoming, holder } => Two::owned(
            format!(
                "Không thêm máy {}: chữ {} đang được máy {} dùng ở bàn này",
                name(incoming),
                incoming.letter,
                name(holder)
            ),
            format!(
                "Not added: kiosk {} — letter {} is used here by kiosk {}",
                name(incoming),
                incoming.letter,
                name(holder)
            ),
        ),
    }
}

/// Export for, and import from, another desk of this centre.
#[component]
pub fn DeskTransfer(
    ring: StoredValue<Keyring>,
    kiosks: RwSignal<Vec<EnrolledKiosk>>,
    /// Another desk's kiosk list, scanned at the scan field.
    incoming: RwSignal<String>,
) -> impl IntoView {
    let message = RwSignal::new(None::<Two>);
    let text = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<Pending>);
    let qr = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let code = incoming.get();
        if !code.is_empty() {
            incoming.set(String::new());
            text.set(code);
        }
    });
    Effect::new(move |_| {
        let file = text.get();
        if file.is_empty() {
            return;
        }
        text.set(String::new());
        pending.set(None);
        let read = ring.with_value(|r| {
            if looks_like(&file) {
                import_code(&file, r)
            } else {
                import(&file, r)
            }
        });
        match read {
            Ok(Incoming::Kiosks(list)) => {
                let changes = plan(&kiosks.get_untracked(), &list);
                if changes.is_empty() {
                    message.set(Some(Two::new(
                        "Không có gì thay đổi: bàn này đã có mọi máy trong tệp, ở trạng thái mới nhất.",
                        "Nothing to change: this desk has every kiosk of the file in its latest state.",
                    )));
                } else {
                    message.set(None);
                    pending.set(Some(Pending::Kiosks(changes)));
                }
            }
            Ok(Incoming::Opened(theirs)) => {
                let mut ours = match store::opened_kept() {
                    Kept::Unreadable => {
                        message.set(Some(Two::new(
                            "Danh sách mã đã mở trên máy này không đọc được (xem ở trên).",
                            "This desk's list of opened codes cannot be read (see above).",
                        )));
                        return;
                    }
                    kept => kept.value().unwrap_or_default(),
                };
                let new = ours.merge(&theirs);
                message.set(None);
                pending.set(Some(Pending::Opened(theirs, new)));
            }
            Ok(Incoming::Month(_)) => message.set(Some(Two::new(
                "Tệp này là số liệu một tháng: gộp ở mục Số liệu.",
                "This file is a month of statistics: combine it under Statistics.",
            ))),
            Err(e) => message.set(Some(refused(e))),
        }
    });
    let export = move |kiosk_list: bool| {
        let made = ring.with_value(|r| {
            if kiosk_list {
                export_kiosks(r, &kiosks.get_untracked()).map_err(Some)
            } else {
                match store::opened_kept() {
                    Kept::Unreadable => Err(None),
                    kept => export_opened(r, &kept.value().unwrap_or_default()).map_err(Some),
                }
            }
        });
        let name = if kiosk_list {
            "kiosks-for-another-desk.json"
        } else {
            "opened-codes-for-another-desk.json"
        };
        match made {
            Ok(file) if super::download::download(name, "application/json", &file) => message.set(Some(Two::new(
                "Đã xuất. Chuyển tệp sang bàn kia bằng USB của trung tâm, nhập ở đó, rồi xoá tệp.",
                "Exported. Take the file to the other desk on the centre's USB stick, import it there, then delete the file.",
            ))),
            Ok(_) => message.set(Some(Two::new("Trình duyệt không cho tải tệp xuống.", "The browser refused the download."))),
            Err(Some(e)) => message.set(Some(refused(e))),
            Err(None) => message.set(Some(Two::new(
                "Danh sách mã đã mở trên máy này không đọc được (xem ở trên): chưa xuất được.",
                "This desk's list of opened codes cannot be read (see above): nothing exported.",
            ))),
        }
    };
    let show_qr = move |_| {
        let code = ring.with_value(|r| kiosks_code(r, &kiosks.get_untracked()));
        match code
            .ok()
            .and_then(|c| intake::handoff::screen_qr_svg(&c).ok())
        {
            Some(svg) => qr.set(Some(svg)),
            None => message.set(Some(Two::new(
                "Danh sách máy quá dài cho một mã QR: dùng tệp.",
                "The kiosk list is too long for one QR code: use the file.",
            ))),
        }
    };
    let confirm = move |_| {
        match pending.get_untracked() {
            Some(Pending::Kiosks(changes)) => {
                let list = apply(&kiosks.get_untracked(), &changes);
                if ring.with_value(|r| store::keep_kiosks(r, &list)) {
                    kiosks.set(list);
                    message.set(Some(Two::new(
                        "Đã gộp danh sách máy.",
                        "The kiosk lists were merged.",
                    )));
                } else {
                    message.set(Some(Two::new(
                        "Không lưu được danh sách máy trên thiết bị này (xem ở trên).",
                        "The kiosk list could not be kept on this device (see above).",
                    )));
                }
            }
            Some(Pending::Opened(theirs, _)) => {
                let kept = match store::opened_kept() {
                    Kept::Unreadable => false,
                    kept => {
                        let mut ours = kept.value().unwrap_or_default();
                        ours.merge(&theirs);
                        store::keep_opened(&ours)
                    }
                };
                message.set(Some(if kept {
                    Two::new(
                        "Đã gộp danh sách mã đã mở.",
                        "The lists of opened codes were merged.",
                    )
                } else {
                    Two::new(
                        "Không lưu được danh sách mã đã mở (xem ở trên).",
                        "The list of opened codes could not be kept (see above).",
                    )
                }));
            }
            None => {}
        }
        pending.set(None);
    };
    view! {
        <section class="panel no-print desk-transfer" aria-labelledby="transfer-title">
            <h2 id="transfer-title"><Bi vi="Bàn tiếp đón khác của trung tâm" en="Another desk of this centre"/></h2>
            <p><Bi vi="Không cần máy chủ: xuất tệp ở bàn này, nhập ở bàn kia. Chỉ bàn có khoá nhân viên của trung tâm mới đọc hay tạo được tệp."
                en="No server needed: export a file here, import it at the other desk. Only a desk holding this centre's staff key can read or make one."/></p>
            <p>
                <button type="button" class="desk-button" on:click=move |_| export(true)><Bi vi="Xuất danh sách máy" en="Export the kiosk list"/></button>
                " "
                <button type="button" class="desk-button" on:click=move |_| export(false)><Bi vi="Xuất danh sách mã đã mở" en="Export the opened codes"/></button>
                " "
                <button type="button" class="desk-button" on:click=show_qr><Bi vi="Hiện danh sách máy thành mã QR" en="Show the kiosk list as a QR code"/></button>
            </p>
            {move || qr.get().map(|svg| view! {
                <div class="desk-transfer__qr" role="group" aria-label="Mã QR danh sách máy / Kiosk list QR code">
                    <div class="desk-transfer__qr-image" inner_html=svg></div>
                    <p><Bi vi="Quét mã này ở ô quét mã của bàn kia (mục Tiếp nhận). Ẩn mã khi xong."
                        en="Scan this at the other desk's scan field (Intake). Hide it when done."/></p>
                    <button type="button" class="desk-button" on:click=move |_| qr.set(None)><Bi vi="Ẩn mã QR" en="Hide the QR code"/></button>
                </div>
            })}
            <label><Bi vi="Nhập tệp từ bàn khác" en="Import a file from another desk"/>" "
                <input type="file" accept=".json,application/json" on:change=read_file_into(text, message) /></label>
            {move || pending.get().map(|p| {
                let items = match &p {
                    Pending::Kiosks(changes) => changes.iter().map(change_words).collect::<Vec<_>>(),
                    Pending::Opened(_, new) => vec![Two::owned(
                        format!("Thêm {new} mã đã mở ở bàn kia (để nhận ra khi một mã được quét lại ở đây)"),
                        format!("Add {new} codes opened at the other desk (so a code scanned again here is noticed)"),
                    )],
                };
                view! {
                    <div class="desk-transfer__plan" role="group" aria-label="Thay đổi / Changes">
                        <p><strong><Bi vi="Những gì sẽ thay đổi ở bàn này:" en="What would change at this desk:"/></strong></p>
                        <ul>{items.into_iter().map(|w| view! { <li>{two(w)}</li> }).collect_view()}</ul>
                        <button type="button" class="desk-button desk-button--primary" on:click=confirm><Bi vi="Gộp" en="Merge"/></button>
                        " "
                        <button type="button" class="desk-button" on:click=move |_| pending.set(None)><Bi vi="Huỷ" en="Cancel"/></button>
                    </div>
                }
            })}
            <p class="desk__message" role="status">{move || message.get().map(two)}</p>
        </section>
    }
}
