//! A wipe: everything the kiosk holds of her session goes at once — the speech being read,
//! a clip playing, the worker's pending seal — and then the session forgets every answer.
//! Quick exit, the idle guard and a hidden page all come here.
use crate::session::Session;

/// Stops what could still say or hold her answers, then forgets the session.
pub fn wipe(session: Session) {
    crate::kiosk::sealer::forget();
    crate::ui::read_aloud::stop();
    crate::ui::clips::stop();
    session.forget();
}
