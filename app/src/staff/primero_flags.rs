//! The flags staff may put on her case in the centre's case records (Primero), asked with
//! her: her urgent needs at intake, and that she needs an interpreter. Shown only when she
//! agrees to case records and has the need; unticked until staff tick them. Everyone who can
//! see her case record sees its flags, and the text says so.
use super::Desk;
use crate::ui::bilingual::{Bi, two};
use intake::Answers;
use intake::desk::decisions::Decisions;
use intake::desk::words::language;
use intake::primero::flags::urgent_needs;
use intake::two::Two;
use leptos::prelude::*;

#[component]
pub fn PrimeroFlags(draft: RwSignal<Decisions>, answers: Answers) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let needs = urgent_needs(&answers);
    let interpreter = answers.interpreter.is_yes();
    if needs.is_empty() && !interpreter {
        return None;
    }
    let agreed = move || draft.with(|d| d.enter_in_records == Some(true));
    let urgent = (!needs.is_empty()).then(|| {
        let vi: Vec<_> = needs.iter().map(|(vi, _)| *vi).collect();
        let en: Vec<_> = needs.iter().map(|(_, en)| *en).collect();
        let words = Two::owned(
            format!("Gắn cờ khẩn trên hồ sơ quản lý ca: {}", vi.join("; ")),
            format!("Flag her case record as urgent: {}", en.join("; ")),
        );
        view! {
            <label class="decision__flag">
                <input type="checkbox" name="flag-urgent"
                    prop:checked=move || draft.with(|d| d.flag_urgent)
                    on:change=move |ev| draft.update(|d| d.flag_urgent = event_target_checked(&ev)) />
                {two(words)}
            </label>
        }
    });
    let interpreter = interpreter.then(|| {
        let name = desk
            .config
            .with_value(|c| language(answers.spoken_language, c));
        let words = Two::owned(
            format!("Gắn cờ trên hồ sơ quản lý ca: cần phiên dịch ({name})"),
            format!("Flag her case record: needs an interpreter ({name})"),
        );
        view! {
            <label class="decision__flag">
                <input type="checkbox" name="flag-interpreter"
                    prop:checked=move || draft.with(|d| d.flag_interpreter)
                    on:change=move |ev| draft.update(|d| d.flag_interpreter = event_target_checked(&ev)) />
                {two(words)}
            </label>
        }
    });
    Some(view! {
        <fieldset class="decision decision__flags" hidden=move || !agreed()>
            <legend><Bi vi="Cờ trên hồ sơ quản lý ca (Primero)" en="Flags on her case record (Primero)"/></legend>
            <p class="decision__kiosk"><Bi
                vi="Chỉ gắn khi thân chủ đồng ý. Ai xem được hồ sơ quản lý ca cũng thấy cờ; cờ chỉ có thể được đánh dấu là đã xử lý, không xoá được."
                en="Only if she agrees. Everyone who can see her case record sees its flags; a flag can be marked resolved, never deleted."/></p>
            {urgent}
            {interpreter}
        </fieldset>
    })
}
