//! Her decisions, taken in person: pre-filled from her kiosk answers, which stay beside each
//! choice and never take its place; recorded with the staff member's initials. Nothing is
//! printed, exported or counted before this is recorded.
use super::desk_view::when;
use super::initials::{InitialsField, PROBLEM};
use super::labels;
use super::primero_flags::PrimeroFlags;
use super::{Desk, now_minutes, store};
use crate::ui::bilingual::{Bi, two};
use intake::desk::case_sheet::CaseSheet;
use intake::desk::decisions::{
    Adult, ChildConsent, ChildView, Decisions, Initials, Missing, Report, ReportTo, Share,
};
use intake::desk::keyring::Keyring;
use intake::desk::recording::{NotRecorded, record};
use intake::desk::records::CaseRecord;
use intake::desk::stats::Statistics;
use intake::handoff::Handoff;
use intake::two::Two;
use intake::{Reply, Wish};
use leptos::prelude::*;

/// The three answers about a mandatory report (the report itself holds to whom and when).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ReportKind {
    NotRequired,
    Required,
    Made,
}

/// One choice of a radio group.
type Options<T> = Vec<(T, Two)>;

/// A group of radio buttons bound to `get`/`set`; `beside` is her kiosk answer.
fn radios<T: Copy + PartialEq + Send + Sync + 'static>(
    name: String,
    legend: Two,
    options: Options<T>,
    beside: Option<Two>,
    get: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    set: impl Fn(T) + Copy + Send + Sync + 'static,
) -> AnyView {
    view! {
        <fieldset class="decision">
            <legend>{two(legend)}</legend>
            {beside.map(|b| view! { <p class="decision__kiosk">{two(b)}</p> })}
            <div class="decision__options">
                {options.into_iter().map(|(value, label)| {
                    let name = name.clone();
                    view! {
                        <label><input type="radio" name=name prop:checked=move || get() == Some(value)
                            on:change=move |_| set(value) />{two(label)}</label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
    .into_any()
}

/// Her kiosk answer to a yes/no question, said as such.
fn at_kiosk(reply: Reply) -> Two {
    let r = labels::reply(reply);
    Two::owned(
        format!("Ở máy tiếp đón: {}", r.vi),
        format!("At the kiosk: {}", r.en),
    )
}

/// Her kiosk wish about sharing, said as such.
fn wish_at_kiosk(w: Wish) -> Two {
    let (vi, en) = match w {
        Wish::Yes => ("muốn chia sẻ", "wanted sharing"),
        Wish::No => ("không muốn chia sẻ", "did not want sharing"),
        Wish::NotSure => ("chưa chắc", "not sure"),
        Wish::NotAsked => ("chưa hỏi", "not asked"),
    };
    Two::owned(
        format!("Ở máy tiếp đón: {vi}"),
        format!("At the kiosk: {en}"),
    )
}

fn yes_no() -> Options<bool> {
    vec![
        (true, Two::new("Có", "Yes")),
        (false, Two::new("Không", "No")),
    ]
}

fn missing_words(m: Missing) -> Two {
    match m {
        Missing::ConsentToServices => Two::new(
            "Hỏi thân chủ có đồng ý nhận hỗ trợ không.",
            "Ask whether she consents to services.",
        ),
        Missing::EnterInRecords => Two::new(
            "Hỏi thân chủ có đồng ý đưa vào hồ sơ của trung tâm không.",
            "Ask whether she agrees to be entered in the centre's case records.",
        ),
        Missing::CountInReports => Two::new(
            "Hỏi thân chủ có đồng ý được tính vào số liệu báo cáo không.",
            "Ask whether she agrees to be counted in the centre's reports.",
        ),
        Missing::ChildView => Two::new("Ghi ý kiến của trẻ.", "Record the child's own view."),
        Missing::Adult => Two::new(
            "Ghi ý kiến của cha mẹ hoặc người giám hộ (hoặc vì sao không hỏi).",
            "Record the parent's or guardian's answer (or why they were not asked).",
        ),
        Missing::Report => Two::new(
            "Trẻ dưới 16 tuổi: ghi thông báo bắt buộc — đã báo (cho ai, lúc nào), phải báo nhưng chưa báo, hoặc không thuộc trường hợp phải báo.",
            "A child under 16: record the mandatory report — made (to whom, when), required but not made yet, or not required.",
        ),
        Missing::ReportTo => Two::new(
            "Thông báo bắt buộc đã báo: chọn đã báo cho ai.",
            "A mandatory report made: choose whom it was made to.",
        ),
        Missing::ChildSharingNotAgreed => Two::new(
            "Chỉ gửi phiếu chuyển gửi cho trẻ khi trẻ đồng ý và cha mẹ hoặc người giám hộ đồng ý. Nếu không hỏi được người lớn vì họ có thể là người gây hại: chọn “Để sau” và chuyển qua thông báo bắt buộc.",
            "Send a child's referral slip only when the child and a parent or guardian agree. If the adult cannot be asked because they may have caused the harm: choose “Decide later” and go through the mandatory report.",
        ),
        Missing::SharingWithoutConsent => Two::new(
            "Thân chủ không đồng ý nhận hỗ trợ: không chia sẻ với nơi nào.",
            "She does not consent to services: share with no agency.",
        ),
    }
}

/// A moment for a `datetime-local` field, in the device's local time.
fn field_time(moment: intake::clock::Minutes) -> String {
    when(moment).replacen(' ', "T", 1)
}

/// A `datetime-local` field's value as a moment, if it is one.
fn parse_field_time(text: &str) -> Option<intake::clock::Minutes> {
    let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(text)).get_time();
    (ms.is_finite() && ms > 0.0).then(|| intake::clock::Minutes::from_ms(ms))
}

/// The form.
#[component]
pub fn DecisionsForm(
    /// Her code as scanned.
    code: String,
    /// The case sheet (her kiosk answers).
    sheet: CaseSheet,
    /// Her handoff.
    handoff: Handoff,
    /// The desk's staff keys (records are sealed under them).
    ring: StoredValue<Keyring>,
    /// The counts, updated when she is counted.
    stats: RwSignal<Statistics>,
    /// The kept record of this case, once recorded.
    recorded: RwSignal<Option<CaseRecord>>,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let answers = handoff.answers.clone();
    let start = recorded
        .get_untracked()
        .and_then(|r| r.recorded.latest().map(|e| e.decisions.clone()))
        .unwrap_or_else(|| Decisions::draft(&answers));
    let draft = RwSignal::new(start);
    let initials_text = RwSignal::new(String::new());
    let report_time = RwSignal::new(field_time(now_minutes()));
    let message = RwSignal::new(None::<Vec<Two>>);
    let code = StoredValue::new(code);
    let handoff = StoredValue::new(handoff);
    let has_needs = sheet.priorities.iter().any(|p| p.is_need());
    // What was missing is said until staff change a choice.
    Effect::new(move |_| {
        draft.track();
        message.set(None);
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let by = match desk.initials.get_untracked() {
            Some(i) => i,
            None => match Initials::parse(&initials_text.get_untracked()) {
                Ok(i) => {
                    desk.initials.set(Some(i.clone()));
                    i
                }
                Err(_) => {
                    message.set(Some(vec![PROBLEM]));
                    return;
                }
            },
        };
        let Some(mut book) = ring.with_value(|r| store::book(r, now_minutes())) else {
            message.set(Some(vec![Two::new(
                "Dữ liệu lưu trên máy không đọc được (xem ở trên): chưa ghi nhận được.",
                "Kept data cannot be read (see above): nothing was recorded.",
            )]));
            return;
        };
        let result = ring.with_value(|r| {
            handoff.with_value(|h| {
                desk.config.with_value(|c| {
                    record(
                        r,
                        &mut book,
                        &code.get_value(),
                        h,
                        draft.get_untracked(),
                        by,
                        now_minutes(),
                        c,
                    )
                })
            })
        });
        match result {
            Ok(kept) => {
                if ring.with_value(|r| store::keep_book(r, &book)) {
                    stats.set(book.statistics);
                    recorded.set(Some(kept));
                    message.set(None);
                } else {
                    message.set(Some(vec![Two::new(
                        "Không lưu được trên thiết bị này: chưa ghi nhận.",
                        "Could not be kept on this device: not recorded.",
                    )]));
                }
            }
            Err(NotRecorded::Missing(missing)) => {
                message.set(Some(missing.into_iter().map(missing_words).collect()));
            }
            Err(NotRecorded::Keep(_)) => message.set(Some(vec![Two::new(
                "Không mã hoá được hồ sơ trên thiết bị này: chưa ghi nhận.",
                "The case could not be sealed on this device: not recorded.",
            )])),
        }
    };

    let consent = radios(
        "consent".into(),
        Two::new("Đồng ý nhận hỗ trợ", "Consents to services"),
        yes_no(),
        Some(at_kiosk(answers.consent_services)),
        move || draft.with(|d| d.consent_services),
        move |v| draft.update(|d| d.consent_services = Some(v)),
    );
    let services = answers
        .services
        .iter()
        .map(|service| {
            let choice = radios(
                format!("share-{}", service.id()),
                labels::service(service),
                vec![
                    (Share::Share, Two::new("Chia sẻ với nơi này", "Share with this agency")),
                    (Share::DoNotShare, Two::new("Không chia sẻ", "Do not share")),
                    (Share::DecideLater, Two::new("Để sau", "Decide later")),
                ],
                Some(wish_at_kiosk(answers.sharing.wish(service))),
                move || draft.with(|d| d.service(service).map(|s| s.share)),
                move |v| draft.update(|d| d.set_share(service, v)),
            );
            let shares = move || draft.with(|d| d.service(service).is_some_and(|s| s.share == Share::Share));
            view! {
                <div class="decision__service" data-service=service.id()>
                {choice}
                {has_needs.then(|| view! {
                    <label class="decision__needs" hidden=move || !shares()>
                        <input type="checkbox"
                            prop:checked=move || draft.with(|d| d.service(service).is_some_and(|s| s.share_needs))
                            on:change=move |ev| draft.update(|d| d.set_share_needs(service, event_target_checked(&ev))) />
                        <Bi vi="Ghi cả nhu cầu khẩn của thân chủ trên phiếu gửi nơi này (chỉ khi thân chủ đồng ý)" en="Also put her urgent needs on this agency's slip (only if she agrees)"/>
                    </label>
                })}
                </div>
            }
        })
        .collect_view();
    let child = draft.with_untracked(|d| d.child.is_some()).then(|| {
        let set_child = move |f: &dyn Fn(&mut ChildConsent)| {
            draft.update(|d| {
                if let Some(c) = d.child.as_mut() {
                    f(c);
                }
            });
        };
        view! {
            <div class="decision__child">
                <h4><Bi vi="Trẻ em dưới 16 tuổi: ý kiến của trẻ và của người lớn, ghi riêng" en="A child under 16: the child's view and the adult's, recorded apart"/></h4>
                {radios(
                    "child-view".into(),
                    Two::new("Ý kiến của trẻ về việc chia sẻ", "The child's own view on sharing"),
                    vec![(ChildView::Agrees, Two::new("Trẻ đồng ý", "Agrees")), (ChildView::DoesNotAgree, Two::new("Trẻ không đồng ý", "Does not agree"))],
                    None,
                    move || draft.with(|d| d.child.and_then(|c| c.child_view)),
                    move |v| set_child(&|c| c.child_view = Some(v)),
                )}
                {radios(
                    "adult".into(),
                    Two::new("Cha mẹ hoặc người giám hộ", "Parent or guardian"),
                    vec![
                        (Adult::Agrees, Two::new("Đồng ý", "Agrees")),
                        (Adult::DoesNotAgree, Two::new("Không đồng ý", "Does not agree")),
                        (Adult::NotAskedMayBeAbuser, Two::new("Không hỏi — người này có thể là người gây hại cho trẻ (không gửi phiếu; chuyển qua thông báo bắt buộc)", "Not asked — they may be the one who harmed the child (no slip; go through the mandatory report)")),
                        (Adult::NotReachable, Two::new("Không liên lạc được", "Could not be reached")),
                    ],
                    None,
                    move || draft.with(|d| d.child.and_then(|c| c.adult)),
                    move |v| set_child(&|c| c.adult = Some(v)),
                )}
            </div>
        }
    });
    // Decree 56/2017/NĐ-CP Art. 25(1): harm or risk of harm to a child is notified at once
    // (111, the child protection authority, the police, the commune People's Committee);
    // the Criminal Code Art. 19 and 390 for certain very serious crimes. Not her choice:
    // kept apart from sharing. Whom it went to is chosen, never assumed.
    let made = move || draft.with(|d| matches!(d.report, Report::Made { .. }));
    let report = view! {
        {radios(
            "report".into(),
            Two::new("Thông báo bắt buộc theo luật (tách riêng với việc chia sẻ)", "Mandatory report (apart from sharing)"),
            vec![
                (ReportKind::NotRequired, Two::new("Không thuộc trường hợp phải báo", "Not required")),
                (ReportKind::Required, Two::new("Phải báo — chưa báo", "Required — not made yet")),
                (ReportKind::Made, Two::new("Đã báo", "Made")),
            ],
            None,
            move || draft.with(|d| match d.report {
                Report::Undecided => None,
                Report::NotRequired => Some(ReportKind::NotRequired),
                Report::Required => Some(ReportKind::Required),
                Report::Made { .. } => Some(ReportKind::Made),
            }),
            move |v| draft.update(|d| {
                d.report = match v {
                    ReportKind::NotRequired => Report::NotRequired,
                    ReportKind::Required => Report::Required,
                    ReportKind::Made => Report::Made {
                        to: None,
                        at: parse_field_time(&report_time.get_untracked()).unwrap_or_else(now_minutes),
                    },
                };
            }),
        )}
        <div class="decision__report" hidden=move || !made()>
            {radios(
                "report-to".into(),
                Two::new("Đã báo cho", "Reported to"),
                vec![
                    (ReportTo::Hotline111, Two::new("Tổng đài 111", "The 111 child protection line")),
                    (ReportTo::ChildProtectionAuthority, Two::new("Cơ quan phụ trách bảo vệ trẻ em (xã, phường hoặc tỉnh)", "The child protection authority (commune, ward or province)")),
                    (ReportTo::Police, Two::new("Công an", "The police")),
                    (ReportTo::CommuneCommittee, Two::new("Uỷ ban nhân dân xã, phường", "The commune or ward People's Committee")),
                ],
                None,
                move || draft.with(|d| match d.report { Report::Made { to, .. } => to, _ => None }),
                move |v| draft.update(|d| if let Report::Made { to, .. } = &mut d.report { *to = Some(v); }),
            )}
            <label><Bi vi="Lúc" en="When"/>
                <input type="datetime-local" bind:value=report_time
                    on:change=move |_| if let Some(at) = parse_field_time(&report_time.get_untracked()) {
                        draft.update(|d| if let Report::Made { at: when, .. } = &mut d.report { *when = at; });
                    } /></label>
        </div>
    };

    view! {
        <form class="decisions panel no-print" on:submit=submit aria-labelledby="decisions-title">
            <h3 id="decisions-title"><Bi vi="Quyết định của thân chủ, hỏi trực tiếp" en="Her decisions, asked in person"/></h3>
            <p><Bi vi="Hỏi riêng thân chủ. Câu trả lời ở máy tiếp đón chỉ để tham khảo, ghi bên cạnh; ghi theo điều thân chủ nói lúc này."
                en="Ask her alone. Her kiosk answers are shown beside each choice for reference; the decision is what she says now."/></p>
            {consent}
            {services}
            {child}
            {radios(
                "records".into(),
                Two::new("Đưa vào hồ sơ quản lý ca của trung tâm", "Enter in the centre's case records"),
                yes_no(),
                None,
                move || draft.with(|d| d.enter_in_records),
                move |v| draft.update(|d| {
                    d.enter_in_records = Some(v);
                    // Flags belong to her case record: asked again if she agrees again.
                    if !v {
                        d.flag_urgent = false;
                        d.flag_interpreter = false;
                    }
                }),
            )}
            <PrimeroFlags draft=draft answers=answers.clone() />
            {radios(
                "count".into(),
                Two::new("Tính vào số liệu báo cáo ẩn danh của trung tâm", "Count in the centre's anonymous reports"),
                yes_no(),
                Some(at_kiosk(answers.consent_statistics)),
                move || draft.with(|d| d.count_in_reports),
                move |v| draft.update(|d| d.count_in_reports = Some(v)),
            )}
            {report}
            {move || desk.initials.with(Option::is_none).then(|| view! { <InitialsField value=initials_text /> })}
            <button type="submit" class="desk-button desk-button--primary">
                {move || match desk.initials.get() {
                    Some(i) => two(Two::owned(format!("Ghi nhận quyết định ({})", i.as_str()), format!("Record her decisions ({})", i.as_str()))),
                    None => two(Two::new("Ghi nhận quyết định", "Record her decisions")),
                }}
            </button>
            <div class="desk__message decisions__missing" role="alert" hidden=move || message.with(Option::is_none)>
                <ul>{move || message.get().unwrap_or_default().into_iter().map(|m| view! { <li>{two(m)}</li> }).collect_view()}</ul>
            </div>
        </form>
    }
}
