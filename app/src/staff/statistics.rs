//! The statistics view: anonymous counts of the cases recorded with "count in reports".
use super::labels;
use crate::ui::bilingual::{Bi, two};
use leptos::prelude::*;

/// Anonymous statistics: only cases recorded with "count in reports"; counts below 5
/// show as "<5" and no totals are given.
#[component]
pub fn StatisticsPanel(
    /// The counts kept on this device.
    stats: RwSignal<intake::desk::stats::Statistics>,
) -> impl IntoView {
    let export = move |_| {
        stats.with(|s| super::download::download("statistics.csv", "text/csv", &s.to_csv()));
    };
    view! {
        <section class="panel no-print" aria-labelledby="stats-title">
            <h2 id="stats-title"><Bi vi="Số liệu ẩn danh" en="Anonymous statistics"/></h2>
            <p><Bi vi="Chỉ những người đồng ý được đếm. Số nhỏ hơn 5 hiện là “<5”." en="Only those who agreed are counted; counts below 5 show as “<5”."/></p>
            <table class="stats">
                <thead><tr>
                    <th scope="col"><Bi vi="Tháng" en="Month"/></th><th scope="col"><Bi vi="Dịch vụ" en="Service"/></th>
                    <th scope="col"><Bi vi="Độ tuổi" en="Age"/></th><th scope="col"><Bi vi="Giới tính" en="Sex"/></th><th scope="col"><Bi vi="Số lượt" en="Count"/></th>
                </tr></thead>
                <tbody>
                    // Words, not the export's codes (the CSV keeps the codes).
                    {move || stats.get().rows().into_iter().map(|((month, service, age, sex), count)| {
                        view! {
                            <tr><td>{month}</td><td>{two(labels::stats_service(service))}</td><td>{two(labels::stats_age(age))}</td>
                                <td>{two(labels::stats_sex(sex))}</td><td>{count}</td></tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="desk-button" on:click=export><Bi vi="Xuất CSV" en="Export CSV"/></button>
        </section>
    }
}
