//! The desk's own sentences in Vietnamese and English (`Two`): her wish at the kiosk, the
//! reasons to see her first, the practice. The words she tapped (ages, replies, services)
//! come from the kiosk's catalogues (`app/src/staff/labels.rs`); exports keep the codes.

use crate::answers::{LangTag, Wish};
use crate::config::CentreConfig;
use crate::desk::case_sheet::Priority;
use crate::two::Two;

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

/// A language by its name: the centre's name for it (written in the language itself); a
/// language the centre no longer lists is said to be so, never shown as a code.
pub fn language(tag: LangTag, config: &CentreConfig) -> String {
    match config.spoken_languages.iter().find(|s| s.tag == tag) {
        Some(s) => s.name.clone(),
        None => "? (ngôn ngữ không có trong cấu hình · not in the configuration)".to_owned(),
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
    fn no_wish_is_an_export_code() {
        for w in [Wish::Yes, Wish::No, Wish::NotSure, Wish::NotAsked].map(wish) {
            assert!(
                !w.vi.is_empty() && !w.en.is_empty(),
                "{w:?} is in both languages"
            );
            for code in ["not_asked", "not_sure", "yes", "no"] {
                assert!(w.en != code, "{w:?} shows the code {code}");
            }
        }
    }
}
