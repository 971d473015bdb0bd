//! What the desk shows for each answer: words in Vietnamese and English ("vi / en"), never
//! the export's codes (`not_asked`, `12_15`). Staff read these; exports keep the codes.

use crate::answers::{AgeBand, LangTag, Reply, Wish};
use crate::config::CentreConfig;
use crate::desk::case_sheet::Priority;

/// A yes/no answer.
pub fn reply(r: Reply) -> &'static str {
    match r {
        Reply::Yes => "Có / Yes",
        Reply::No => "Không / No",
        Reply::Skipped => "Bỏ qua / Skipped",
        Reply::NotAsked => "Chưa hỏi / Not asked",
    }
}

/// A yes/no fact that is never "skipped" (she chose it or not).
pub fn flag(on: bool) -> &'static str {
    if on { "Có / Yes" } else { "Không / No" }
}

/// The age band.
pub fn age_band(a: AgeBand) -> &'static str {
    match a {
        AgeBand::Under12 => "Dưới 12 tuổi / Under 12",
        AgeBand::From12To15 => "12–15 tuổi / 12–15",
        AgeBand::From16To17 => "16–17 tuổi / 16–17",
        AgeBand::Adult => "18 tuổi trở lên / 18 or over",
        AgeBand::PreferNotToSay => "Không muốn nói / Prefers not to say",
        AgeBand::NotAsked => "Chưa hỏi / Not asked",
    }
}

/// Her wish at the kiosk: never consent until staff confirm it with her in person.
pub fn wish(w: Wish) -> &'static str {
    match w {
        Wish::Yes => "Muốn chia sẻ — hỏi lại cô ấy trước / wants sharing — confirm with her first",
        Wish::No => "KHÔNG muốn chia sẻ / does NOT want sharing",
        Wish::NotSure => "Chưa chắc — hỏi cô ấy / not sure yet — ask her",
        Wish::NotAsked => "Chưa hỏi / not asked",
    }
}

/// A language by its name: the centre's name for it (written in the language itself),
/// with its tag for the records.
pub fn language(tag: LangTag, config: &CentreConfig) -> String {
    match config.spoken_languages.iter().find(|s| s.tag == tag) {
        Some(s) => format!("{} ({})", s.name, tag.as_str()),
        None => format!("? ({})", tag.as_str()),
    }
}

/// A reason to see her first.
pub fn priority(p: &Priority, config: &CentreConfig) -> String {
    match p {
        Priority::HelpNow => "CẦN GIÚP NGAY / NEEDS HELP NOW".into(),
        Priority::Interpreter(tag) => format!(
            "CẦN PHIÊN DỊCH: {lang} — đang chờ ở máy; mời phiên dịch viên giữ bí mật (nữ nếu cô ấy muốn), không nhờ người nhà / NEEDS AN INTERPRETER: {lang} — waiting at the kiosk; bring a confidential interpreter (a woman if she wishes), never a relative",
            lang = language(*tag, config)
        ),
        Priority::DangerNow => "ĐANG GẶP NGUY HIỂM / IN DANGER NOW".into(),
        Priority::DoctorNow => "CẦN GẶP BÁC SĨ NGAY / NEEDS A DOCTOR NOW".into(),
        // Decree 56/2017/NĐ-CP Art. 25(1): harm or risk of harm to a child is notified at
        // once. The adult who came with her may be the one who harmed her: ask her alone.
        Priority::ChildUnder16 => "TRẺ EM DƯỚI 16 TUỔI — bị xâm hại hoặc có nguy cơ: thông báo ngay (NĐ 56/2017, Đ.25). Hỏi riêng em: người lớn đi cùng có an toàn không? / CHILD UNDER 16 — harm or risk of harm: notify at once. Ask her alone whether the adult with her is safe.".into(),
        Priority::Aged16To17 => "16–17 tuổi: tự đồng ý / aged 16–17, own consent".into(),
        Priority::ChildrenPresent(n) => format!("Có {n} trẻ em đi cùng / {n} children with her"),
    }
}

/// The centre's practice, first on every case sheet, so that no one is singled out.
pub const PRACTICE: &str = "Nói chuyện riêng với cô ấy trước. Chỉ gọi số của cô ấy khi cô ấy ở một mình. / Talk with her alone first. Call her number only when she is alone.";

/// Her "yes" to a private room, in neutral words (desk only: never printed or exported).
pub const PRIVATE_ROOM: &str = "Muốn nói chuyện ở phòng riêng: không gọi số của cô ấy to. / Would like a private room: do not call her number aloud.";

#[cfg(test)]
mod tests {
    use super::*;

    /// What she is told, section 8: the desk printed raw codes.
    #[test]
    fn no_word_is_an_export_code() {
        let mut words: Vec<&str> = [Reply::Yes, Reply::No, Reply::Skipped, Reply::NotAsked]
            .into_iter()
            .map(reply)
            .collect();
        words.extend(AgeBand::CHOICES.into_iter().map(age_band));
        words.push(age_band(AgeBand::NotAsked));
        words.extend([Wish::Yes, Wish::No, Wish::NotSure, Wish::NotAsked].map(wish));
        for w in words {
            assert!(w.contains(" / "), "{w:?} is in both languages");
            for code in ["not_asked", "12_15", "18_plus", "not_sure", "skipped"] {
                assert!(!w.contains(code), "{w:?} shows the code {code}");
            }
            assert!(w != "yes" && w != "no");
        }
    }
}
