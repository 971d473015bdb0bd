//! One open case: the sheet, her decisions taken in person, and — once recorded — the
//! referral slips, the exports and "delete this case from this desk". With no case open,
//! the cases this desk keeps, each with the day it is deleted.
use super::case_sheet::CaseSheetView;
use super::decisions_form::DecisionsForm;
use super::desk_view::when;
use super::download::download;
use super::referral_slips::ReferralSlips;
use super::{Desk, now_minutes, store};
use crate::ui::bilingual::{Bi, two};
use intake::desk::case_sheet::CaseSheet;
use intake::desk::decisions::Entry;
use intake::desk::keyring::{Keyring, SealedTo};
use intake::desk::records::{CaseRecord, CaseRef};
use intake::desk::stats::Statistics;
use intake::desk::{export, recording};
use intake::handoff::Handoff;
use intake::two::Two;
use leptos::prelude::*;

/// A code opened at the desk.
#[derive(Clone)]
pub struct OpenCase {
    /// Her code as scanned (kept, sealed, with her recorded decisions).
    pub code: String,
    pub sheet: CaseSheet,
    pub handoff: Handoff,
    pub sealed_to: SealedTo,
    /// The list of opened codes cannot be read: a second scan cannot be noticed.
    pub replay_unknown: bool,
}

/// The open case.
#[component]
pub fn CaseView(
    /// The case.
    case: OpenCase,
    /// The desk's staff keys (its records are sealed under them).
    ring: StoredValue<Keyring>,
    /// The counts, updated when the case is recorded.
    stats: RwSignal<Statistics>,
    /// Close the case.
    on_close: Callback<()>,
) -> impl IntoView {
    let recorded = RwSignal::new(ring.with_value(|r| store::book(r, now_minutes())).and_then(
        |b| {
            ring.with_value(|r| b.records.get(r, case.handoff.id))
                .and_then(Result::ok)
        },
    ));
    let handoff = StoredValue::new(case.handoff.clone());
    let sheet = StoredValue::new(case.sheet.clone());
    let code = StoredValue::new(case.code.clone());
    let compromised_days = match case.sealed_to {
        SealedTo::Compromised { days_left } => Some(days_left),
        _ => None,
    };
    view! {
        // Nothing of her case prints before her decisions are recorded (not even by the
        // browser's own Print).
        <article class="case-sheet" class:no-print=move || recorded.with(Option::is_none) aria-labelledby="case-title">
            {case.replay_unknown.then(|| view! {
                <p class="case-sheet__warning" role="alert">
                    <Bi vi="Không kiểm tra được mã này đã được mở trước đây hay chưa: danh sách mã đã mở không đọc được (xem ở trên)." en="Whether this code was opened before cannot be checked: the list of opened codes cannot be read (see above)."/>
                </p>
            })}
            {compromised_days.map(|days| view! {
                <p class="case-sheet__warning" role="alert">{two(Two::owned(format!("Mã này được tạo cho một khoá nhân viên cũ có thể đã bị lộ: người giữ khoá đó có thể đã làm giả mã. Xác nhận mọi điều trực tiếp với thân chủ. (Bàn này xoá khoá đó sau {days} ngày.)"), format!("Sealed to a retired key that may be compromised — confirm everything with the client in person: whoever holds that key could have forged this code. (This desk deletes the key in {days} days.)")))}</p>
            })}
            <CaseSheetView sheet=case.sheet.clone() on_close=on_close />
            <DecisionsForm code=case.code.clone() sheet=case.sheet handoff=case.handoff ring=ring
                stats=stats recorded=recorded />
            {move || recorded.get().and_then(|r| {
                let mut history = r.recorded.history;
                let entry = history.pop()?;
                Some(view! { <Recorded code=code entry=entry earlier=history handoff=handoff sheet=sheet ring=ring on_close=on_close /> })
            })}
        </article>
    }
}

/// What follows a recording: who recorded it and when, the slips, the exports, deletion.
#[component]
fn Recorded(
    /// Her code as scanned.
    code: StoredValue<String>,
    /// The latest recording.
    entry: Entry,
    /// The earlier recordings, oldest first (she may change her mind).
    earlier: Vec<Entry>,
    /// Her handoff.
    handoff: StoredValue<Handoff>,
    /// The sheet (for the slips' needs).
    sheet: StoredValue<CaseSheet>,
    /// The desk's staff keys (the export for Primero is sealed under the current one).
    ring: StoredValue<Keyring>,
    /// Close the case (after deleting it).
    on_close: Callback<()>,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let entry = StoredValue::new(entry);
    let to_records = entry.with_value(|e| e.decisions.enter_in_records == Some(true));
    let export_json = move |_| {
        let text = handoff.with_value(|h| {
            entry.with_value(|e| serde_json::to_string_pretty(&export::to_json(h, e)))
        });
        let name = handoff.with_value(|h| format!("case-{}.json", CaseRef::of(h.id)));
        download(&name, "application/json", &text.unwrap_or_default());
    };
    let export_csv = move |_| {
        let text = handoff.with_value(|h| entry.with_value(|e| export::to_csv(h, e)));
        let name = handoff.with_value(|h| format!("case-{}.csv", CaseRef::of(h.id)));
        download(&name, "text/csv", &text);
    };
    // For Primero: her code (still sealed) and her decisions, opened by an admin with the
    // staff key's backup (`handoff primero body`): Primero gets what she decided in person.
    let message = RwSignal::new(None::<Two>);
    // Her decisions are sealed under the current staff key: no one can change them in the
    // file, and only the staff key opens them.
    let export_primero = move |_| {
        let file = ring.with_value(|r| {
            handoff.with_value(|h| {
                entry.with_value(|e| {
                    intake::primero::decisions_file::DecisionsFile::new(
                        r.current(),
                        h.id,
                        &code.get_value(),
                        e,
                    )
                })
            })
        });
        let text = file
            .ok()
            .and_then(|f| serde_json::to_string_pretty(&f).ok());
        let name = handoff.with_value(|h| format!("primero-{}.json", CaseRef::of(h.id)));
        match text {
            Some(text) => {
                download(&name, "application/json", &text);
            }
            None => message.set(Some(Two::new(
                "Thiết bị không tạo được số ngẫu nhiên: chưa xuất được.",
                "The device gave no randomness: nothing was exported.",
            ))),
        }
    };
    let print_sheet = move |_| {
        desk.printing.set(None);
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let asking = RwSignal::new(false);
    let delete = move |_| {
        let Some(mut book) = ring.with_value(|r| store::book(r, now_minutes())) else {
            message.set(Some(Two::new(
                "Dữ liệu lưu trên máy không đọc được (xem ở trên): chưa xoá được.",
                "Kept data cannot be read (see above): nothing was deleted.",
            )));
            return;
        };
        handoff.with_value(|h| recording::delete(&mut book, h));
        if ring.with_value(|r| store::keep_book(r, &book)) {
            on_close.run(());
        } else {
            message.set(Some(Two::new(
                "Không lưu được thay đổi trên thiết bị này.",
                "The change could not be kept on this device.",
            )));
        }
    };
    let case_ref = handoff.with_value(|h| CaseRef::of(h.id).to_string());
    let (by, at) = entry.with_value(|e| (e.by.as_str().to_owned(), when(e.at)));
    let keep_days = desk.config.with_value(|c| c.case_keep_days);
    view! {
        <section class="recorded" aria-labelledby="recorded-title">
            <h3 id="recorded-title">{two(Two::owned(
                format!("Đã ghi nhận — {by}, {at}"),
                format!("Recorded — {by}, {at}"),
            ))}</h3>
            {(!earlier.is_empty()).then(|| view! {
                <details class="recorded__history">
                    <summary><Bi vi="Các lần ghi nhận trước" en="Earlier recordings"/></summary>
                    <ul>{earlier.into_iter().rev().map(|e| view! { <li>{format!("{} · {}", e.by.as_str(), when(e.at))}</li> }).collect_view()}</ul>
                </details>
            })}
            <p><Bi vi="Mã hồ sơ (dùng trên phiếu chuyển gửi, không phải số thứ tự)" en="Case reference (for slips; not the ticket)"/>": "
                <strong class="fingerprint">{case_ref}</strong></p>
            <p>{two(Two::owned(
                format!("Máy này lưu hồ sơ (đã mã hoá) {keep_days} ngày kể từ lần ghi nhận cuối, sau đó tự xoá."),
                format!("This device keeps the case (encrypted) for {keep_days} days after the latest recording, then deletes it."),
            ))}</p>
            <ReferralSlips entry=entry handoff=handoff sheet=sheet />
            <div class="panel no-print">
                <h3><Bi vi="Hồ sơ của trung tâm" en="The centre's case records"/></h3>
                {if to_records {
                    view! {
                        <p><Bi vi="Tệp xuất ra nằm trong thư mục Tải về của máy này: đưa vào hệ thống quản lý ca của trung tâm, rồi xoá tệp ngay (cả trong Thùng rác). Không gửi tệp qua Zalo, email hay USB cá nhân."
                            en="An exported file goes to this device's Downloads folder: enter it in the centre's case system, then delete the file at once (and from the bin). Never send it by Zalo, email or a personal USB stick."/></p>
                        <button type="button" class="desk-button" on:click=export_json><Bi vi="Xuất JSON" en="Export JSON"/></button>
                        <button type="button" class="desk-button" on:click=export_csv><Bi vi="Xuất CSV" en="Export CSV"/></button>
                        <button type="button" class="desk-button" on:click=export_primero><Bi vi="Xuất cho Primero" en="Export for Primero"/></button>
                        <button type="button" class="desk-button" on:click=print_sheet><Bi vi="In phiếu hồ sơ (A4) cho hồ sơ giấy" en="Print the case sheet (A4) for the paper file"/></button>
                    }.into_any()
                } else {
                    view! { <p><Bi vi="Thân chủ không đồng ý đưa vào hồ sơ của trung tâm: không có gì để xuất." en="She did not agree to be entered in the centre's case records: nothing to export."/></p> }.into_any()
                }}
            </div>
            <details class="panel no-print">
                <summary><Bi vi="Nếu thân chủ rút lại sự đồng ý" en="If she withdraws her consent"/></summary>
                <ol>
                    <li><Bi vi="Sửa quyết định ở trên theo lời thân chủ và bấm Ghi nhận: lần ghi trước vẫn được giữ trong lịch sử; nếu thân chủ không muốn được đếm nữa, máy này bỏ hồ sơ khỏi số liệu khi tháng của hồ sơ chưa chốt (đến 10 ngày sau khi tháng kết thúc); nếu tháng đó đã chốt, số đếm của thân chủ vẫn nằm trong số liệu tháng đó (chỉ là con số) và không bỏ ra được nữa — nói rõ với thân chủ."
                        en="Change the decisions above as she says and press Record: the earlier recording stays in the history; if she no longer wants to be counted, this device takes the case out of its counts while her month is open (until 10 days after it ends); if that month has closed, her count stays in its figures (numbers only) and can no longer be removed — tell her so."/></li>
                    <li><Bi vi="Gọi cho các nơi đã nhận phiếu chuyển gửi (mã hồ sơ ở trên) và đề nghị họ ngừng dùng thông tin trong phạm vi pháp luật cho phép; ghi lại đã gọi ai, lúc nào."
                        en="Call each agency that received a slip (case reference above) and ask them to stop using it, as far as the law allows; note whom you called and when."/></li>
                    <li><Bi vi="Trong hệ thống quản lý ca: ghi việc rút lại đồng ý và làm theo quy trình xoá của hệ thống đó (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."
                        en="In the case system: record the withdrawal and follow its deletion procedure (Law on personal data protection 91/2025/QH15)."/></li>
                    <li><Bi vi="Thông báo bắt buộc đã thực hiện thì không rút lại được; giải thích rõ cho thân chủ."
                        en="A mandatory report already made cannot be withdrawn; explain this to her plainly."/></li>
                </ol>
            </details>
            <div class="case-sheet__danger no-print">
                <button type="button" class="desk-button desk-button--warning" hidden=move || asking.get()
                    on:click=move |_| asking.set(true)><Bi vi="Xoá hồ sơ này khỏi máy này…" en="Delete this case from this desk…"/></button>
                <span class="kiosks__confirm" role="group" hidden=move || !asking.get()>
                    <Bi vi="Xoá hồ sơ này khỏi máy này? Trước khi xoá, ghi vào hồ sơ của trung tâm những nơi đã nhận phiếu (mã hồ sơ ở trên): sau khi xoá, máy này không còn biết. Số liệu ẩn danh không đổi." en="Delete this case from this desk? First note in the centre's case records which agencies received a slip (case reference above): once deleted, this device no longer knows. The anonymous counts do not change."/>
                    <button type="button" class="desk-button desk-button--warning" on:click=delete><Bi vi="Xác nhận xoá" en="Confirm delete"/></button>
                    <button type="button" class="desk-button" on:click=move |_| asking.set(false)><Bi vi="Huỷ" en="Cancel"/></button>
                </span>
                <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
            </div>
        </section>
    }
}

/// The cases this desk keeps, each with when it is deleted; opened again from here.
#[component]
pub fn KeptCases(
    /// The desk's staff keys.
    ring: StoredValue<Keyring>,
    /// Opens a kept case again.
    on_open: Callback<String>,
) -> impl IntoView {
    let kept: Vec<(CaseRecord, intake::clock::Minutes)> = ring
        .with_value(|r| store::book(r, now_minutes()))
        .map(|b| ring.with_value(|r| b.records.all(r)))
        .unwrap_or_default();
    (!kept.is_empty()).then(|| {
        view! {
            <section class="panel no-print" aria-labelledby="kept-title">
                <h2 id="kept-title"><Bi vi="Hồ sơ đang lưu trên máy này" en="Cases kept on this desk"/></h2>
                <ul class="kept-cases">
                    {kept.into_iter().map(|(record, delete_at)| {
                        let reference = CaseRef::of(record.recorded.handoff).to_string();
                        let by = record.recorded.latest().map(|e| format!("{} {}", e.by.as_str(), when(e.at))).unwrap_or_default();
                        let until = when(delete_at);
                        let code = record.code.clone();
                        view! {
                            <li class="kiosks__row">
                                <span class="fingerprint">{reference}</span>
                                <span>{by}</span>
                                <span>{two(Two::owned(format!("sẽ xoá lúc {until}"), format!("to be deleted {until}")))}</span>
                                <button type="button" class="desk-button kiosks__action" on:click=move |_| on_open.run(code.clone())>
                                    <Bi vi="Mở" en="Open"/></button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
