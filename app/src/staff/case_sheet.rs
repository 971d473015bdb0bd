//! The case sheet: priority first, then the queue facts, then each service with its
//! consent to share and the referral contact.
use super::download::download;
use super::labels;
use super::messages::{letter_warning, time_warning};
use crate::ui::bilingual::{Bi, two};
use intake::Wish;
use intake::desk::case_sheet::CaseSheet;
use intake::desk::export;
use intake::desk::words;
use intake::handoff::Handoff;
use intake::two::Two;
use leptos::prelude::*;

/// The sheet for one opened code.
#[component]
pub fn CaseSheetView(
    /// The sheet.
    sheet: CaseSheet,
    /// The handoff, for the exports.
    handoff: Handoff,
) -> impl IntoView {
    let handoff = StoredValue::new(handoff);
    let export_json = move |_| {
        handoff.with_value(|h| {
            let text = serde_json::to_string_pretty(&export::to_json(h)).unwrap_or_default();
            download(
                &format!("case-{}.json", h.ticket),
                "application/json",
                &text,
            )
        });
    };
    let export_csv = move |_| {
        handoff.with_value(|h| {
            download(
                &format!("case-{}.csv", h.ticket),
                "text/csv",
                &export::to_csv(h),
            )
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let services = sheet.services.clone();
    view! {
        <article class="case-sheet" aria-labelledby="case-title">
            // The centre's practice, first on every sheet, so that no one is singled out.
            <p class="case-sheet__practice">{two(words::PRACTICE)}</p>
            {(!sheet.priority_words.is_empty()).then(|| view! {
                <ul class="case-sheet__priority" aria-label="Ưu tiên / Priority">
                    {sheet.priority_words.iter().map(|p| view! { <li>{two(p.clone())}</li> }).collect_view()}
                </ul>
            })}
            {sheet.seen_before.then(|| view! {
                <p class="case-sheet__warning" role="alert"><Bi vi="Mã này đã được mở trên máy này." en="This code was opened on this device before."/></p>
            })}
            {sheet.time_warning.map(|w| view! { <p class="case-sheet__warning" role="alert">{two(time_warning(&w))}</p> })}
            {sheet.letter_warning.map(|w| view! { <p class="case-sheet__warning" role="alert">{two(letter_warning(&w))}</p> })}
            // Her answer about a private room: at the desk only, in neutral words; never
            // printed on a slip, exported or sent to another system.
            {sheet.answers.private_room.is_yes().then(|| view! {
                <p class="case-sheet__note no-print">{two(words::PRIVATE_ROOM)}</p>
            })}
            <h2 id="case-title"><Bi vi="Số thứ tự" en="Ticket "/> <span class="case-sheet__ticket">{sheet.ticket.clone()}</span></h2>
            <dl class="case-sheet__facts">
                <dt><Bi vi="Ngôn ngữ nói" en="Spoken language"/></dt><dd>{sheet.spoken_language_words.clone()}</dd>
                <dt><Bi vi="Ngôn ngữ màn hình" en="Screen language"/></dt><dd>{sheet.session_language_words.clone()}</dd>
                <dt><Bi vi="Phiên dịch" en="Interpreter"/></dt><dd>{two(labels::reply(sheet.interpreter))}</dd>
                <dt><Bi vi="Độ tuổi" en="Age band"/></dt><dd>{two(labels::age_band(sheet.age_band))}</dd>
                <dt><Bi vi="Đồng ý nhận hỗ trợ" en="Consent to services"/></dt><dd>{two(labels::reply(sheet.consent_services))}</dd>
                <dt><Bi vi="Muốn nói chuyện trước" en="Wants to talk first"/></dt><dd>{two(labels::flag(sheet.talk_first))}</dd>
            </dl>
            <table class="case-sheet__services">
                <caption><Bi vi="Dịch vụ" en="Services"/></caption>
                <thead><tr><th scope="col"><Bi vi="Dịch vụ" en="Service"/></th><th scope="col"><Bi vi="Chia sẻ" en="Sharing"/></th><th scope="col"><Bi vi="Nơi giới thiệu" en="Referral"/></th></tr></thead>
                <tbody>
                    {services.into_iter().map(|l| {
                        let refused = l.share == Wish::No;
                        let contact = [l.contact.clone(), l.phone.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        view! {
                            <tr class:case-sheet__refused=refused>
                                <th scope="row">{two(labels::service(l.service))}</th>
                                <td>{two(words::wish(l.share))}</td>
                                <td>{contact}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="desk__actions no-print">
                <button type="button" class="desk-button" on:click=export_json><Bi vi="Xuất JSON" en="Export JSON"/></button>
                <button type="button" class="desk-button" on:click=export_csv><Bi vi="Xuất CSV" en="Export CSV"/></button>
                <button type="button" class="desk-button" on:click=print><Bi vi="In (A4)" en="Print (A4)"/></button>
            </div>
        </article>
    }
}
