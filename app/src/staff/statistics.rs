//! The statistics view: anonymous counts of the cases recorded with "count in reports", by
//! month; a closed month exported for the centre's report; several desks' months combined.
use super::download::download;
use super::keys::read_file_into;
use super::{Desk, labels, now_minutes, store};
use crate::ui::bilingual::{Bi, two};
use intake::desk::keyring::Keyring;
use intake::desk::stats::{
    CLOSE_AFTER_DAYS, Cell, MonthPart, NotCombined, REDUCE_AFTER_DAYS, Statistics, combine,
};
use intake::desk::transfer::{Incoming, TransferError, export_month, import};
use intake::two::Two;
use leptos::prelude::*;

/// Now, as the desk's keys count it: a clock set back does not reopen a closed month.
fn stats_now_of(ring: StoredValue<Keyring>) -> intake::clock::Minutes {
    ring.with_value(|r| r.now(now_minutes()))
}

/// Why the chosen months make no report, said per reason.
fn not_combined(have: usize, e: &NotCombined) -> Two {
    let why = match e {
        NotCombined::SameDeskTwice { month } => Two::owned(
            format!("Tháng {month}: tệp của cùng một bàn được chọn hai lần."),
            format!("Month {month}: the same desk's file was chosen twice."),
        ),
        NotCombined::DesksMissing { month, have, desks } => Two::owned(
            format!(
                "Tháng {month}: mới có tệp của {have}/{desks} bàn; cần đủ tệp của cả {desks} bàn (số của một phần các bàn có thể bị trừ ra khỏi tổng để nhận ra một người)."
            ),
            format!(
                "Month {month}: files from {have} of {desks} desks; every desk's file is needed (a report of some desks could be subtracted from the whole to single out a person)."
            ),
        ),
    };
    Two::owned(
        format!("Đã chọn {have} tệp; chưa làm được báo cáo. {}", why.vi),
        format!("{have} file(s) chosen; no report yet. {}", why.en),
    )
}

/// A table of cells: words, not the export's codes (the CSV keeps the codes).
fn table(rows: Vec<(String, Cell, String, Option<Two>)>) -> impl IntoView {
    view! {
        <table class="stats">
            <thead><tr>
                <th scope="col"><Bi vi="Tháng" en="Month"/></th><th scope="col"><Bi vi="Dịch vụ" en="Service"/></th>
                <th scope="col"><Bi vi="Độ tuổi" en="Age"/></th><th scope="col"><Bi vi="Giới tính" en="Sex"/></th><th scope="col"><Bi vi="Số lượt" en="Count"/></th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(month, c, count, note)| view! {
                    <tr><td>{month}{note.map(|n| view! { <br/><small>{two(n)}</small> })}</td>
                        <td>{two(labels::stats_service(c.service))}</td><td>{two(labels::stats_age(c.age_band))}</td>
                        <td>{two(labels::stats_sex(c.sex))}</td><td>{count}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Anonymous statistics: only cases recorded with "count in reports"; counts below 5 show
/// as "<5" and no totals are given; only closed months are reported.
#[component]
pub fn StatisticsPanel(
    /// The counts kept on this device.
    stats: RwSignal<Statistics>,
    /// The desk's staff keys (a month for the report is sealed under them).
    ring: StoredValue<Keyring>,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let desks = desk.config.with_value(|c| c.desks);
    let stats_now = move || stats_now_of(ring);
    let message = RwSignal::new(None::<Two>);
    let file = RwSignal::new(String::new());
    let parts = RwSignal::new(Vec::<MonthPart>::new());
    let combined = Memo::new(move |_| parts.with(|p| (!p.is_empty()).then(|| combine(p, desks))));
    Effect::new(move |_| {
        let text = file.get();
        if text.is_empty() {
            return;
        }
        file.set(String::new());
        match ring.with_value(|r| import(&text, r)) {
            Ok(Incoming::Month(part)) => {
                message.set(None);
                parts.update(|p| p.push(part));
            }
            Ok(_) => message.set(Some(Two::new(
                "Tệp này không phải số liệu một tháng (nhập danh sách máy ở mục Máy tiếp đón).",
                "This file is not a month of statistics (import kiosk lists under Kiosks).",
            ))),
            Err(TransferError::NotThisCentre) => message.set(Some(Two::new(
                "Tệp này không được tạo bằng khoá nhân viên của trung tâm: đã từ chối.",
                "This file was not made with this centre's staff key: refused.",
            ))),
            Err(_) => message.set(Some(Two::new(
                "Không phải tệp số liệu xuất từ một bàn tiếp đón.",
                "Not a statistics file exported by a desk.",
            ))),
        }
    });
    let export_csv = move |_| {
        stats.with(|s| download("statistics.csv", "text/csv", &s.to_csv(stats_now())));
    };
    let export_part = move |month: String| {
        let made = stats.with(|s| s.month_part(&store::desk_name(), &month, stats_now()));
        let text = made.and_then(|p| ring.with_value(|r| export_month(r, &p)).ok());
        match text {
            Some(t) => {
                let name = format!("statistics-{month}-for-the-report.json");
                message.set(Some(if download(&name, "application/json", &t) {
                    Two::new(
                        "Đã xuất. Chuyển tệp cho bàn làm báo cáo bằng USB của trung tâm, rồi xoá tệp.",
                        "Exported. Take the file to the desk that makes the report on the centre's USB stick, then delete it.",
                    )
                } else {
                    Two::new("Trình duyệt không cho tải tệp xuống.", "The browser refused the download.")
                }));
            }
            None => message.set(Some(Two::new(
                "Chưa xuất được: tháng này chưa chốt, hoặc thiết bị không tạo được số ngẫu nhiên.",
                "Nothing was exported: this month is not closed yet, or the device gave no randomness.",
            ))),
        }
    };
    let rows = move || {
        let now = stats_now();
        stats.with(|s| {
            s.rows(now)
                .into_iter()
                .map(|r| {
                    let note = (!r.closed)
                        .then(|| Two::new("đang đếm — chưa chốt", "still counting — not closed"));
                    (r.month, r.cell, r.shown, note)
                })
                .collect::<Vec<_>>()
        })
    };
    let closed = move || stats.with(|s| s.closed_months(stats_now()));
    view! {
        <section class="panel no-print" aria-labelledby="stats-title">
            <h2 id="stats-title"><Bi vi="Số liệu ẩn danh" en="Anonymous statistics"/></h2>
            <p><Bi vi="Chỉ những người đồng ý được đếm. Số nhỏ hơn 5 hiện là “<5”; không có số tổng."
                en="Only those who agreed are counted. Counts below 5 show as “<5”; no totals."/></p>
            <p>{two(Two::owned(
                format!("Một tháng được chốt {CLOSE_AFTER_DAYS} ngày sau khi kết thúc: từ đó số liệu không đổi nữa, và chỉ khi đó mới được đưa vào báo cáo. Gửi tháng đã chốt cho bàn làm báo cáo trong vòng {REDUCE_AFTER_DAYS} ngày sau khi tháng kết thúc, để một người được nhiều bàn tiếp nhận chỉ được đếm một lần."),
                format!("A month closes {CLOSE_AFTER_DAYS} days after it ends: from then on its counts never change, and only then is it reported. Send a closed month to the desk that makes the centre's report within {REDUCE_AFTER_DAYS} days of the month's end, so that someone seen at several desks counts once."),
            ))}</p>
            {move || table(rows())}
            {if desks == 1 {
                view! { <button type="button" class="desk-button" on:click=export_csv><Bi vi="Xuất CSV (các tháng đã chốt)" en="Export CSV (closed months)"/></button> }.into_any()
            } else {
                view! { <p>{two(Two::owned(
                    format!("Trung tâm có {desks} bàn tiếp đón: báo cáo chỉ được làm khi gộp tháng của cả {desks} bàn (số của một bàn có thể bị trừ ra khỏi tổng để nhận ra một người)."),
                    format!("The centre has {desks} desks: a report is made only from all {desks} desks' months combined (one desk's numbers could be subtracted from the whole to single out a person)."),
                ))}</p> }.into_any()
            }}
            <h3><Bi vi="Báo cáo của trung tâm" en="The centre's report"/></h3>
            <ul class="stats__months">
                {move || closed().into_iter().map(|month| {
                    let m = month.clone();
                    view! { <li>{month.clone()}" "
                        <button type="button" class="desk-button" on:click=move |_| export_part(m.clone())>
                            <Bi vi="Xuất tháng này cho báo cáo" en="Export this month for the report"/></button></li> }
                }).collect_view()}
            </ul>
            <label><Bi vi="Gộp tháng từ các bàn (chọn tệp của từng bàn, kể cả bàn này)" en="Combine months from the desks (choose each desk's file, this desk's too)"/>" "
                <input type="file" accept=".json,application/json" on:change=read_file_into(file, message) /></label>
            {move || combined.get().map(|result| {
                let c = match result {
                    Ok(c) => c,
                    Err(e) => {
                        let have = parts.with(Vec::len);
                        return view! {
                            <div class="stats__combined">
                                <p class="desk__message" role="alert">{two(not_combined(have, &e))}</p>
                                <button type="button" class="desk-button" on:click=move |_| parts.set(Vec::new())><Bi vi="Bắt đầu gộp lại" en="Start combining again"/></button>
                            </div>
                        }.into_any();
                    }
                };
                let csv = c.to_csv();
                let rows = c.rows().into_iter().map(|(month, cell, shown)| (month, cell, shown, None)).collect::<Vec<_>>();
                let warning = (!c.without_ids.is_empty()).then(|| Two::owned(
                    format!("Tháng {}: có tệp gửi muộn đã bỏ mã hồ sơ, một người được hai bàn tiếp nhận có thể bị đếm hai lần.", c.without_ids.join(", ")),
                    format!("Month {}: a file sent late no longer holds case ids; someone seen at two desks may count twice.", c.without_ids.join(", ")),
                ));
                view! {
                    <div class="stats__combined">
                        <p>{two(Two::owned(format!("Đã gộp {} tệp.", parts.with(Vec::len)), format!("{} file(s) combined.", parts.with(Vec::len))))}</p>
                        {warning.map(|w| view! { <p class="desk__message" role="alert">{two(w)}</p> })}
                        {table(rows)}
                        <button type="button" class="desk-button" on:click=move |_| { download("statistics-combined.csv", "text/csv", &csv); }>
                            <Bi vi="Xuất CSV đã gộp" en="Export the combined CSV"/></button>
                        " "
                        <button type="button" class="desk-button" on:click=move |_| parts.set(Vec::new())><Bi vi="Bắt đầu gộp lại" en="Start combining again"/></button>
                    </div>
                }.into_any()
            })}
            <p class="desk__message" role="status">{move || message.get().map(two)}</p>
        </section>
    }
}
