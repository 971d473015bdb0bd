//! What the desk shows for each answer: words in Vietnamese and English (`Two`), never
//! the export's codes (`not_asked`, `12_15`). Staff read these; exports keep the codes.

use crate::answers::{AgeBand, LangTag, Reply, Sex, Wish};
use crate::config::CentreConfig;
use crate::desk::case_sheet::Priority;
use crate::two::Two;

/// A yes/no answer.
pub fn reply(r: Reply) -> Two {
    match r {
        Reply::Yes => Two::new("Có", "Yes"),
        Reply::No => Two::new("Không", "No"),
        Reply::Skipped => Two::new("Bỏ qua", "Skipped"),
        Reply::NotAsked => Two::new("Chưa hỏi", "Not asked"),
    }
}

/// A yes/no fact that is never "skipped" (she chose it or not).
pub fn flag(on: bool) -> Two {
    if on {
        Two::new("Có", "Yes")
    } else {
        Two::new("Không", "No")
    }
}

/// The age band.
pub fn age_band(a: AgeBand) -> Two {
    match a {
        AgeBand::Under12 => Two::new("Dưới 12 tuổi", "Under 12"),
        AgeBand::From12To15 => Two::new("12–15 tuổi", "12–15"),
        AgeBand::From16To17 => Two::new("16–17 tuổi", "16–17"),
        AgeBand::Adult => Two::new("18 tuổi trở lên", "18 or over"),
        AgeBand::PreferNotToSay => Two::new("Không muốn nói", "Prefers not to say"),
        AgeBand::NotAsked => Two::new("Chưa hỏi", "Not asked"),
    }
}

/// Sex, for the statistics.
pub fn sex(s: Sex) -> Two {
    match s {
        Sex::Female => Two::new("Nữ", "Female"),
        Sex::Male => Two::new("Nam", "Male"),
        Sex::Other => Two::new("Khác", "Other"),
        Sex::Skipped | Sex::NotAsked => UNKNOWN,
    }
}

const UNKNOWN: Two = Two::new("Không rõ", "Unknown");

/// An age band as the statistics store it (`12_15`, `unknown`), in words.
pub fn stats_age(code: &str) -> Two {
    AgeBand::CHOICES
        .into_iter()
        .find(|a| a.as_str() == code)
        .map_or(UNKNOWN, age_band)
}

/// A sex as the statistics store it (`female`, `unknown`), in words.
pub fn stats_sex(code: &str) -> Two {
    [Sex::Female, Sex::Male, Sex::Other]
        .into_iter()
        .find(|s| s.as_str() == code)
        .map_or(UNKNOWN, sex)
}

/// Her wish at the kiosk: never consent until staff confirm it with her in person.
pub fn wish(w: Wish) -> Two {
    match w {
        Wish::Yes => Two::new(
            "Muốn chia sẻ — hỏi lại thân chủ trước",
            "wants sharing — confirm with the client first",
        ),
        Wish::No => Two::new("KHÔNG muốn chia sẻ", "does NOT want sharing"),
        Wish::NotSure => Two::new("Chưa chắc — hỏi thân chủ", "not sure yet — ask the client"),
        Wish::NotAsked => Two::new("Chưa hỏi", "not asked"),
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
pub fn priority(p: &Priority, config: &CentreConfig) -> Two {
    match p {
        Priority::HelpNow => Two::new("CẦN GIÚP NGAY", "NEEDS HELP NOW"),
        Priority::Interpreter(tag) => {
            let lang = language(*tag, config);
            Two::owned(
                format!(
                    "CẦN PHIÊN DỊCH: {lang} — đang chờ ở máy. Mời phiên dịch viên cam kết bảo mật (nữ nếu thân chủ muốn; hỏi thân chủ có quen người đó không). KHÔNG nhờ người đi cùng."
                ),
                format!(
                    "NEEDS AN INTERPRETER: {lang} — waiting at the kiosk. Bring an interpreter bound to confidentiality (a woman if the client wishes; ask whether the client knows them). Never anyone who came with the client."
                ),
            )
        }
        Priority::DangerNow => Two::new("ĐANG GẶP NGUY HIỂM", "IN DANGER NOW"),
        // PEP within 72 hours; emergency contraception within about 5 days.
        Priority::DoctorNow => Two::new(
            "CẦN GẶP BÁC SĨ NGAY — thuốc phòng HIV trong 72 giờ, tránh thai khẩn cấp trong 5 ngày",
            "NEEDS A DOCTOR NOW — HIV prevention within 72 hours, emergency contraception within 5 days",
        ),
        // Decree 56/2017/NĐ-CP Art. 25(1): harm or risk of harm to a child is notified at
        // once. The adult who came with her may be the one who harmed her: ask her alone.
        Priority::ChildUnder16 => Two::new(
            "TRẺ EM DƯỚI 16 TUỔI — nếu bị xâm hại hoặc có nguy cơ: phải thông báo ngay (NĐ 56/2017, Đ.25). Hỏi riêng em: người lớn đi cùng có an toàn không?",
            "CHILD UNDER 16 — if harmed or at risk: notify at once. Ask the child alone whether the adult who came is safe.",
        ),
        Priority::Aged16To17 => Two::new(
            "16–17 tuổi: chưa thành niên — xác nhận đồng ý theo quy trình",
            "aged 16–17, a minor: check consent per procedure",
        ),
        Priority::ChildrenPresent(n) => {
            let n = if *n >= crate::answers::Children::MAX {
                format!("{n}+")
            } else {
                n.to_string()
            };
            Two::owned(
                format!("Có {n} trẻ em đi cùng — hỏi về an toàn của các cháu"),
                format!("{n} children with the client — ask about their safety"),
            )
        }
    }
}

/// The centre's practice, first on every case sheet, so that no one is singled out.
pub const PRACTICE: Two = Two::new(
    "Nói chuyện riêng với thân chủ trước. Chỉ gọi to số thứ tự khi thân chủ ở một mình.",
    "Talk with the client alone first. Call out the ticket number only when the client is alone.",
);

/// Her "yes" to a private room, in neutral words (desk only: never printed or exported).
pub const PRIVATE_ROOM: Two = Two::new(
    "Muốn nói chuyện ở phòng riêng: không gọi to số thứ tự.",
    "Would like a private room: do not call out the ticket number.",
);

#[cfg(test)]
mod tests {
    use super::*;

    /// What she is told, section 8: the desk printed raw codes.
    #[test]
    fn no_word_is_an_export_code() {
        let mut words: Vec<Two> = [Reply::Yes, Reply::No, Reply::Skipped, Reply::NotAsked]
            .into_iter()
            .map(reply)
            .collect();
        words.extend(AgeBand::CHOICES.into_iter().map(age_band));
        words.push(age_band(AgeBand::NotAsked));
        words.extend([Wish::Yes, Wish::No, Wish::NotSure, Wish::NotAsked].map(wish));
        for code in [
            "under_12",
            "12_15",
            "16_17",
            "18_plus",
            "prefer_not_to_say",
            "unknown",
        ] {
            words.push(stats_age(code));
        }
        for code in ["female", "male", "other", "unknown"] {
            words.push(stats_sex(code));
        }
        for w in words {
            assert!(
                !w.vi.is_empty() && !w.en.is_empty(),
                "{w:?} is in both languages"
            );
            let w = w.to_string();
            for code in [
                "not_asked",
                "12_15",
                "18_plus",
                "not_sure",
                "skipped",
                "unknown",
                "female",
            ] {
                assert!(!w.contains(code), "{w:?} shows the code {code}");
            }
            assert!(w != "yes" && w != "no");
        }
    }
}
