//! Referral slips (*phiếu chuyển gửi*), one per agency she agreed in person to share with.
//! Before printing, staff ask whether paper is safe for her to carry (if not, the centre
//! sends it) and whether she agrees to her name being written on it. The slip is drawn
//! apart from the page (`PrintedSlip`) so that it prints alone, Vietnamese first, on A5.
use super::Desk;
use super::labels;
use crate::ui::bilingual::{Bi, two};
use intake::desk::case_sheet::CaseSheet;
use intake::desk::decisions::Entry;
use intake::desk::referral::{Carry, Slip};
use intake::desk::words;
use intake::handoff::Handoff;
use intake::two::Two;
use leptos::prelude::*;

/// A slip with its words, ready to print.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    pub slip: Slip,
    pub centre: Two,
    /// The centre's number for the agency (`referral_phone`).
    pub phone: Option<String>,
    pub service: Two,
    pub needs: Vec<Two>,
}

/// The slips of a recorded case.
#[component]
pub fn ReferralSlips(
    /// The latest recording of her decisions.
    entry: StoredValue<Entry>,
    /// Her handoff.
    handoff: StoredValue<Handoff>,
    /// The case sheet (her needs).
    sheet: StoredValue<CaseSheet>,
) -> impl IntoView {
    let shared: Vec<_> = entry.with_value(|e| e.decisions.shared().map(|d| d.service).collect());
    view! {
        <section class="panel no-print slips" aria-labelledby="slips-title">
            <h3 id="slips-title"><Bi vi="Phiếu chuyển gửi" en="Referral slips"/></h3>
            {if shared.is_empty() {
                view! { <p><Bi vi="Thân chủ chưa đồng ý chia sẻ với nơi nào: không có phiếu." en="She has not agreed to share with any agency: no slip."/></p> }.into_any()
            } else {
                shared.into_iter().map(|service| view! { <SlipCard service=service entry=entry handoff=handoff sheet=sheet /> }).collect_view().into_any()
            }}
        </section>
    }
}

/// One agency's slip: the two questions, then Print.
#[component]
fn SlipCard(
    service: intake::Service,
    entry: StoredValue<Entry>,
    handoff: StoredValue<Handoff>,
    sheet: StoredValue<CaseSheet>,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let carry = RwSignal::new(None::<Carry>);
    let name_line = RwSignal::new(None::<bool>);
    let message = RwSignal::new(None::<Two>);
    let id = service.id();
    let print = move |_| {
        let (Some(carry), Some(name_line)) = (carry.get_untracked(), name_line.get_untracked())
        else {
            message.set(Some(Two::new(
                "Hỏi hai câu ở trên trước khi in.",
                "Ask the two questions above before printing.",
            )));
            return;
        };
        let Some(by) = desk.initials.get_untracked() else {
            message.set(Some(super::initials::PROBLEM));
            return;
        };
        let slip = handoff.with_value(|h| {
            entry.with_value(|e| {
                sheet.with_value(|s| {
                    desk.config.with_value(|c| {
                        Slip::new(
                            h.id,
                            e,
                            s,
                            c,
                            service,
                            carry,
                            name_line,
                            by,
                            super::now_minutes(),
                        )
                    })
                })
            })
        });
        let Some(slip) = slip else { return };
        let centre = desk.config.with_value(|c| {
            Two::owned(
                c.name.get("vi").cloned().unwrap_or_default(),
                c.name.get("en").cloned().unwrap_or_default(),
            )
        });
        let needs = desk
            .config
            .with_value(|c| slip.needs.iter().map(|p| words::priority(p, c)).collect());
        let phone = desk.config.with_value(|c| c.referral_phone.clone());
        message.set(None);
        desk.printing.set(Some(Printed {
            service: labels::service(service),
            centre,
            phone,
            needs,
            slip,
        }));
        super::keys::after_paint(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
    };
    view! {
        <div class="slip-card" data-service=id>
            <h4>{two(labels::service(service))}</h4>
            // Criminal Procedure Code Art. 155: for some offences (injury, rape: clause 1 of
            // Art. 134, 141 …) prosecution starts only at her request, and a request she
            // withdraws cannot be made again.
            {(service == intake::Service::Police).then(|| view! {
                <p class="case-sheet__warning"><Bi
                    vi="Trước khi in: nói với thân chủ rằng trình báo có thể dẫn đến khởi tố vụ án. Với một số tội (Điều 155 Bộ luật Tố tụng hình sự), chỉ khởi tố khi thân chủ yêu cầu; nếu rút yêu cầu thì không được yêu cầu lại."
                    en="Before printing: tell her a report may start criminal proceedings. For some offences (Criminal Procedure Code Art. 155) they start only at her request; a request she withdraws cannot be made again."/></p>
            })}
            <fieldset class="decision">
                <legend><Bi vi="Thân chủ mang giấy này theo người có an toàn không? (Người ở nhà có thể thấy.)" en="Is it safe for her to carry this paper? (Someone at home may find it.)"/></legend>
                <div class="decision__options">
                    <label><input type="radio" name=format!("carry-{id}") on:change=move |_| carry.set(Some(Carry::Her)) />
                        <Bi vi="An toàn — đưa phiếu cho thân chủ" en="Safe — give it to her"/></label>
                    <label><input type="radio" name=format!("carry-{id}") on:change=move |_| carry.set(Some(Carry::SentByCentre)) />
                        <Bi vi="Không an toàn — trung tâm gửi cho nơi nhận" en="Not safe — the centre sends it to the agency"/></label>
                </div>
            </fieldset>
            <fieldset class="decision">
                <legend><Bi vi="Thân chủ có đồng ý để tên mình được viết tay lên phiếu không?" en="Does she agree to her name being written on the slip by hand?"/></legend>
                <div class="decision__options">
                    <label><input type="radio" name=format!("name-{id}") on:change=move |_| name_line.set(Some(true)) />
                        <Bi vi="Có — để một dòng cho tên" en="Yes — leave a line for her name"/></label>
                    <label><input type="radio" name=format!("name-{id}") on:change=move |_| name_line.set(Some(false)) />
                        <Bi vi="Không — không có dòng tên" en="No — no name line"/></label>
                </div>
            </fieldset>
            <button type="button" class="desk-button desk-button--primary" on:click=print>
                <Bi vi="In phiếu chuyển gửi (A5)" en="Print the referral slip (A5)"/></button>
            <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
        </div>
    }
}

/// A line to fill by hand.
fn blank(label: Two) -> impl IntoView {
    view! { <p class="referral__line">{two(label)}": " <span class="referral__blank"></span></p> }
}

/// The slip being printed, drawn apart from the page (hidden on screen).
#[component]
pub fn PrintedSlip() -> impl IntoView {
    let desk = expect_context::<Desk>();
    // Printed: the slip is forgotten (the browser fires `afterprint` once the dialog closes).
    let after = window_event_listener(leptos::ev::afterprint, move |_| desk.printing.set(None));
    on_cleanup(move || after.remove());
    move || {
        desk.printing.get().map(|p| {
            let s = p.slip;
            let agency = [s.agency.clone(), s.phone.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
            view! {
                <article class="referral">
                    <h1 class="referral__title">"PHIẾU CHUYỂN GỬI" <span class="referral__en" lang="en">"Referral slip"</span></h1>
                    <dl class="referral__facts">
                        <dt><Bi vi="Nơi chuyển" en="From"/></dt><dd>{two(p.centre)}</dd>
                        <dt><Bi vi="Nơi nhận" en="To"/></dt><dd>{agency}</dd>
                        <dt><Bi vi="Mã hồ sơ" en="Case reference"/></dt><dd class="fingerprint">{s.case_ref.to_string()}</dd>
                        <dt><Bi vi="Ngày" en="Date"/></dt><dd>{s.date.clone()}</dd>
                        <dt><Bi vi="Đề nghị hỗ trợ" en="Service requested"/></dt><dd>{two(p.service)}</dd>
                        {(!p.needs.is_empty()).then(|| view! {
                            <dt><Bi vi="Nhu cầu khẩn" en="Urgent needs"/></dt>
                            <dd><ul>{p.needs.into_iter().map(|n| view! { <li>{two(n)}</li> }).collect_view()}</ul></dd>
                        })}
                    </dl>
                    <p>{if s.child {
                        two(Two::new("Trẻ và cha mẹ hoặc người giám hộ đồng ý chia sẻ với nơi nhận những thông tin trên phiếu này, và chỉ những thông tin này.", "The child and a parent or guardian agreed to share with this agency what is on this slip, and only that."))
                    } else {
                        two(Two::new("Thân chủ đồng ý chia sẻ với nơi nhận những thông tin trên phiếu này, và chỉ những thông tin này.", "The client agreed to share with this agency what is on this slip, and only that."))
                    }}</p>
                    <p>{match p.phone {
                        Some(phone) => two(Two::owned(format!("Liên hệ trung tâm: {phone}, nêu mã hồ sơ."), format!("Contact the centre: {phone}, quoting the case reference."))),
                        None => two(Two::new("Liên hệ nơi chuyển, nêu mã hồ sơ.", "Contact the sender, quoting the case reference.")),
                    }}</p>
                    <p>{match s.carry {
                        Carry::Her => two(Two::new("Thân chủ tự mang phiếu đến.", "The client brings this slip.")),
                        Carry::SentByCentre => two(Two::new("Trung tâm gửi phiếu trực tiếp; không đưa cho thân chủ.", "Sent by the centre; not given to the client.")),
                    }}</p>
                    {s.name_line.then(|| blank(Two::new("Họ tên thân chủ (viết tay)", "The client's name (by hand)")))}
                    <p>{two(Two::owned(format!("Cán bộ chuyển gửi: {}", s.by.as_str()), format!("Referred by: {}", s.by.as_str())))}</p>
                    {blank(Two::new("Họ tên cán bộ", "Staff member's name"))}
                    {blank(Two::new("Chữ ký", "Signature"))}
                </article>
            }
        })
    }
}
