//! What each outcome of opening a code means for staff, and what to do.
use intake::handoff::{LetterWarning, OpenError, TimeWarning};

/// A plain message per error kind: what it means and what to do.
pub fn open_error(e: &OpenError) -> String {
    match e {
        OpenError::NotAHandoffCode => "Đây không phải mã của máy tiếp đón. Hãy quét lại mã trên phiếu hoặc màn hình. / This is not a kiosk code: scan the code on the slip or screen again.".into(),
        OpenError::UnsupportedVersion(v) => format!("Mã do một phiên bản khác của máy tiếp đón tạo (phiên bản {v}). Hãy cập nhật trang này và máy tiếp đón. / Made by another kiosk version ({v}): update this page and the kiosk."),
        OpenError::Damaged => "Mã bị hỏng hoặc bị gõ sai (số kiểm tra không khớp). Quét lại. Nếu máy quét gõ ký hiệu (&é\"') thay vì số, hãy chỉnh kiểu bàn phím của máy quét. / Damaged or mistyped (a check digit does not match): scan again; if the scanner types symbols instead of digits, check its keyboard layout.".into(),
        // Format 2 keeps nothing in the clear but the version: another desk's key, a kiosk
        // not enrolled here and a forgery cannot be told apart, so one message says all three.
        OpenError::NotForThisDesk => "Không khoá nào của bàn này mở được mã này: mã dành cho bàn khác, hoặc từ một máy tiếp đón chưa đăng ký ở đây (máy mới? hãy đăng ký nó bên dưới), hoặc là mã giả. Tiếp nhận trực tiếp. / No key of this desk opens this code: it is for another desk, or from a kiosk not enrolled here (a new kiosk? enrol it below), or forged. Take the case in person.".into(),
        OpenError::RevokedKiosk(id) => format!("Máy tiếp đón {id} đã bị thu hồi. Không dùng mã này: nói chuyện trực tiếp với người mang mã. / Kiosk {id} was revoked: do not use this code; take the case in person."),
    }
}

/// The warning for a genuine code whose time looks wrong: it still opens.
pub fn time_warning(w: &TimeWarning) -> String {
    match w {
        TimeWarning::Old { minutes } => format!(
            "Mã này cũ hơn thời hạn {minutes} phút (hoặc đồng hồ máy tiếp đón sai). Vẫn mở: hãy xác nhận lại với người đó. / Older than the window by {minutes} min (or the kiosk clock is wrong): opened; confirm with her."
        ),
        TimeWarning::Future { minutes } => format!(
            "Mã ghi thời gian {minutes} phút trong tương lai: đồng hồ máy tiếp đón chạy nhanh. Vẫn mở. / Dated {minutes} min in the future: the kiosk clock is ahead. Opened."
        ),
    }
}

/// The warning for a genuine code whose ticket letter is not the kiosk's enrolled letter.
pub fn letter_warning(w: &LetterWarning) -> String {
    format!(
        "Số phiếu mang chữ {} nhưng máy tiếp đón này được đăng ký là {}: có thể chữ của máy đã bị đổi ở trang cài đặt. Vẫn mở: gọi đúng số trên phiếu, và sửa đăng ký. / The ticket's letter is {} but this kiosk was enrolled as {}: its letter may have been changed on its setup page. Opened: call the number on the slip, and correct the enrolment.",
        w.in_code, w.enrolled, w.in_code, w.enrolled
    )
}
