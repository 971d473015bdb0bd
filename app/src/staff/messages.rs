//! What each outcome of opening a code means for staff, and what to do.
use intake::handoff::{OpenError, TimeWarning};

/// A plain message per error kind: what it means and what to do.
pub fn open_error(e: &OpenError) -> String {
    match e {
        OpenError::NotAHandoffCode => "Đây không phải mã của máy tiếp đón. Hãy quét lại mã trên phiếu hoặc màn hình. / This is not a kiosk code: scan the code on the slip or screen again.".into(),
        OpenError::UnsupportedVersion(v) => format!("Mã do một phiên bản khác của máy tiếp đón tạo (phiên bản {v}). Hãy cập nhật trang này và máy tiếp đón. / Made by another kiosk version ({v}): update this page and the kiosk."),
        OpenError::UnknownStaffKey => "Mã được khoá cho một khoá nhân viên khác. Máy tiếp đón có thể cần ghép nối lại, hoặc đã bị can thiệp: báo người quản lý. / Sealed to a staff key this desk does not hold: the kiosk may need re-pairing, or may have been tampered with.".into(),
        OpenError::UnknownKiosk(id) => format!("Máy tiếp đón {id} chưa được đăng ký ở bàn này. Đăng ký nó bên dưới rồi quét lại. / Kiosk {id} is not enrolled at this desk: enrol it below, then scan again."),
        OpenError::RevokedKiosk(id) => format!("Máy tiếp đón {id} đã bị thu hồi. Không dùng mã này: tiếp nhận trực tiếp. / Kiosk {id} was revoked: do not use this code; take the case in person."),
        OpenError::DamagedOrForged => "Mã bị hỏng hoặc không thật. Quét lại. Nếu máy quét gõ ký hiệu (&é\"') thay vì số, hãy chỉnh kiểu bàn phím của máy quét. Nếu vẫn lỗi, mời người đó làm lại ở máy tiếp đón. / Damaged or forged: scan again; if the scanner types symbols instead of digits, check its keyboard layout; if it still fails, ask her to redo it at the kiosk.".into(),
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
