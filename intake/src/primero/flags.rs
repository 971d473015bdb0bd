//! Case flags: Primero keeps what the kiosk's urgent answers mean for staff as flags on the
//! case (`POST /api/v2/cases/:id/flags {"data": {"message": …}}`), not as form fields. A flag
//! is sent only where staff ticked it when they recorded her decisions; its message is fixed
//! by the case (the same at every push), so a push that resumes can tell which flags are
//! already there: Primero's flag endpoint keeps every post, duplicates included.
use crate::answers::Answers;
use crate::desk::decisions::Entry;
use crate::desk::local_date;
use crate::handoff::Handoff;
use serde_json::{Value, json};

/// Her urgent answers at the kiosk, as staff read them on the case sheet.
pub fn urgent_needs(a: &Answers) -> Vec<(&'static str, &'static str)> {
    let mut needs = Vec::new();
    if a.help_now {
        needs.push(("cần giúp ngay", "needs help now"));
    }
    if a.danger_now.is_yes() {
        needs.push(("đang gặp nguy hiểm", "in danger now"));
    }
    if a.doctor_now.is_yes() {
        needs.push(("cần gặp bác sĩ ngay", "needs a doctor now"));
    }
    needs
}

/// The flags' messages for a case, in Vietnamese then English, dated with the day her code
/// was made (the centre's local date). `language` names her spoken language.
pub fn messages(handoff: &Handoff, decided: &Entry, language: &str) -> Vec<String> {
    let d = &decided.decisions;
    let a = &handoff.answers;
    let day = local_date(handoff.created_minutes);
    let mut out = Vec::new();
    let needs = urgent_needs(a);
    if d.flag_urgent && !needs.is_empty() {
        let vi: Vec<_> = needs.iter().map(|(vi, _)| *vi).collect();
        let en: Vec<_> = needs.iter().map(|(_, en)| *en).collect();
        out.push(format!(
            "Khẩn khi tiếp nhận ({day}): {} · Urgent at intake ({day}): {}",
            vi.join("; "),
            en.join("; ")
        ));
    }
    if d.flag_interpreter && a.interpreter.is_yes() {
        out.push(format!(
            "Cần phiên dịch: {language} · Needs an interpreter: {language}"
        ));
    }
    out
}

/// The body of one flag.
pub fn flag_body(message: &str) -> Value {
    json!({ "data": { "message": message } })
}
