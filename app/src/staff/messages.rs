//! What each outcome of opening a code means for staff, and what to do.
use intake::handoff::{LetterWarning, OpenError, TimeWarning};
use intake::two::Two;

/// A plain message per error kind: what it means and what to do.
pub fn open_error(e: &OpenError) -> Two {
    match e {
        OpenError::NotAHandoffCode => Two::new(
            "Đây không phải mã của máy tiếp đón. Hãy quét lại mã trên phiếu hoặc màn hình.",
            "This is not a kiosk code: scan the code on the slip or screen again.",
        ),
        OpenError::UnsupportedVersion(v) => Two::owned(
            format!(
                "Mã do một phiên bản khác của máy tiếp đón tạo (phiên bản {v}). Hãy cập nhật trang này và máy tiếp đón."
            ),
            format!("Made by another kiosk version ({v}): update this page and the kiosk."),
        ),
        OpenError::Damaged => Two::new(
            "Mã bị hỏng hoặc bị gõ sai (số kiểm tra không khớp). Quét lại. Nếu máy quét gõ ký hiệu (&é\"') thay vì số, hãy chỉnh kiểu bàn phím của máy quét.",
            "Damaged or mistyped (a check digit does not match): scan again; if the scanner types symbols instead of digits, check its keyboard layout.",
        ),
        // Format 2 keeps nothing in the clear but the version: another desk's key, a kiosk
        // not enrolled here and a forgery cannot be told apart, so one message says all three.
        OpenError::NotForThisDesk => Two::new(
            "Không khoá nào của bàn này mở được mã này: mã dành cho bàn khác, hoặc từ một máy tiếp đón chưa đăng ký ở đây (máy mới? hãy đăng ký nó bên dưới), hoặc là mã giả. Tiếp nhận trực tiếp.",
            "No key of this desk opens this code: it is for another desk, or from a kiosk not enrolled here (a new kiosk? enrol it below), or forged. Take the case in person.",
        ),
        OpenError::RevokedKiosk(id) => Two::owned(
            format!(
                "Máy tiếp đón {id} đã bị thu hồi. Không dùng mã này: nói chuyện trực tiếp với người mang mã."
            ),
            format!("Kiosk {id} was revoked: do not use this code; take the case in person."),
        ),
    }
}

/// The warning for a genuine code whose time looks wrong: it still opens.
pub fn time_warning(w: &TimeWarning) -> Two {
    match w {
        TimeWarning::Old { minutes } => Two::owned(
            format!(
                "Mã này cũ hơn thời hạn {minutes} phút (hoặc đồng hồ máy tiếp đón sai). Vẫn mở: hãy xác nhận lại với người đó."
            ),
            format!(
                "Older than the window by {minutes} min (or the kiosk clock is wrong): opened; confirm with her."
            ),
        ),
        TimeWarning::Future { minutes } => Two::owned(
            format!(
                "Mã ghi thời gian {minutes} phút trong tương lai: đồng hồ máy tiếp đón chạy nhanh. Vẫn mở."
            ),
            format!("Dated {minutes} min in the future: the kiosk clock is ahead. Opened."),
        ),
    }
}

/// The warning for a genuine code whose ticket letter is not the kiosk's enrolled letter.
pub fn letter_warning(w: &LetterWarning) -> Two {
    let (code, enrolled) = (w.in_code, w.enrolled);
    Two::owned(
        format!(
            "Số phiếu mang chữ {code} nhưng máy tiếp đón này được đăng ký là {enrolled}: có thể chữ của máy đã bị đổi ở trang cài đặt. Vẫn mở: gọi đúng số trên phiếu, và sửa đăng ký."
        ),
        format!(
            "The ticket's letter is {code} but this kiosk was enrolled as {enrolled}: its letter may have been changed on its setup page. Opened: call the number on the slip, and correct the enrolment."
        ),
    )
}
