//! The case sheet, as staff with a queue read it: the ticket large with Close beside it;
//! her language and interpreter; the private-room line; then needs in red and context in
//! neutral; then each service she chose, with her wish at the kiosk — refused sharing grey,
//! "do not contact — ask her first". Words in both languages, never codes.
use super::labels;
use super::messages::{letter_warning, time_warning};
use crate::ui::bilingual::{Bi, two};
use intake::Wish;
use intake::desk::case_sheet::CaseSheet;
use intake::desk::words;
use leptos::prelude::*;

/// The sheet for one opened code.
#[component]
pub fn CaseSheetView(
    /// The sheet.
    sheet: CaseSheet,
    /// Close the case (the desk forgets it; a recorded case stays in the kept list).
    on_close: Callback<()>,
) -> impl IntoView {
    let (needs, context): (Vec<_>, Vec<_>) = sheet
        .priorities
        .iter()
        .zip(sheet.priority_words.iter().cloned())
        .partition(|(p, _)| p.is_need());
    let services = sheet.services.clone();
    view! {
        <header class="case-sheet__head">
            <h2 id="case-title"><span class="case-sheet__label"><Bi vi="Số thứ tự" en="Ticket"/></span>
                " " <span class="case-sheet__ticket">{sheet.ticket.clone()}</span></h2>
            <button type="button" class="desk-button no-print" on:click=move |_| on_close.run(())>
                <Bi vi="Đóng màn hình" en="Close"/></button>
        </header>
        // The centre's practice, on every sheet under the ticket, so that no one is singled out.
        <p class="case-sheet__practice">{two(words::PRACTICE)}</p>
        <p class="case-sheet__language">
            <Bi vi="Ngôn ngữ" en="Language"/>": " <strong>{sheet.spoken_language_words.clone()}</strong>
            " · " <Bi vi="Phiên dịch" en="Interpreter"/>": " <strong>{two(labels::reply(sheet.interpreter))}</strong>
        </p>
        // Her answer about a private room: at the desk only, in neutral words; never
        // printed on a slip, exported or sent to another system.
        {sheet.answers.private_room.is_yes().then(|| view! {
            <p class="case-sheet__note no-print">{two(words::PRIVATE_ROOM)}</p>
        })}
        {(!needs.is_empty()).then(|| view! {
            <ul class="case-sheet__priority" aria-label="Nhu cầu khẩn / Urgent needs">
                {needs.into_iter().map(|(_, w)| view! { <li>{two(w)}</li> }).collect_view()}
            </ul>
        })}
        {(!context.is_empty()).then(|| view! {
            <ul class="case-sheet__context" aria-label="Hoàn cảnh / Context">
                {context.into_iter().map(|(_, w)| view! { <li>{two(w)}</li> }).collect_view()}
            </ul>
        })}
        {sheet.seen_before.then(|| view! {
            <p class="case-sheet__warning" role="alert"><Bi vi="Mã QR này đã được quét trên máy này trước đây." en="This code was opened on this device before."/></p>
        })}
        {sheet.same_ticket_today.then(|| view! {
            <p class="case-sheet__warning" role="alert"><Bi
                vi="Một mã khác cùng ngày cũng mang số thứ tự này: có thể hai người giữ cùng một số. Đừng gọi theo số; trước khi trao đổi về hồ sơ, hãy quét lại mã trên phiếu chờ hoặc màn hình của người trước mặt để chắc đúng người. Sau đó xem ở mục Máy tiếp đón có hai máy dùng cùng một chữ không."
                en="Another code from the same day carries this number: two people may hold it. Don't call by number; before discussing her case, scan the code on her slip or screen again to be sure it is her. Then check under Kiosks whether two kiosks share a letter."/></p>
        })}
        {sheet.time_warning.map(|w| view! { <p class="case-sheet__warning" role="alert">{two(time_warning(&w))}</p> })}
        {sheet.letter_warning.map(|w| view! { <p class="case-sheet__warning" role="alert">{two(letter_warning(&w))}</p> })}
        <table class="case-sheet__services">
            <caption><Bi vi="Dịch vụ thân chủ chọn ở máy" en="Services she chose at the kiosk"/></caption>
            <thead><tr><th scope="col"><Bi vi="Dịch vụ" en="Service"/></th><th scope="col"><Bi vi="Mong muốn ở máy" en="Her wish at the kiosk"/></th><th scope="col"><Bi vi="Nơi chuyển gửi" en="Referral"/></th></tr></thead>
            <tbody>
                {services.into_iter().map(|l| {
                    let refused = l.share == Wish::No;
                    let contact = [l.contact.clone(), l.phone.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                    view! {
                        <tr class:case-sheet__refused=refused>
                            <th scope="row">{two(labels::service(l.service))}</th>
                            <td>{two(words::wish(l.share))}</td>
                            <td>{if refused {
                                view! { <strong><Bi vi="Không liên hệ — hỏi thân chủ trước" en="Do not contact — ask her first"/></strong> }.into_any()
                            } else {
                                view! { <span>{contact}</span> }.into_any()
                            }}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <dl class="case-sheet__facts">
            <dt><Bi vi="Độ tuổi" en="Age band"/></dt><dd>{two(labels::age_band(sheet.age_band))}</dd>
            <dt><Bi vi="Đồng ý nhận hỗ trợ (ở máy)" en="Consent to services (at the kiosk)"/></dt><dd>{two(labels::reply(sheet.consent_services))}</dd>
            <dt><Bi vi="Muốn nói chuyện trước" en="Wants to talk first"/></dt><dd>{two(labels::flag(sheet.talk_first))}</dd>
            <dt><Bi vi="Ngôn ngữ màn hình" en="Screen language"/></dt><dd>{sheet.session_language_words.clone()}</dd>
        </dl>
    }
}
