//! The idle guard's clock and decision, pure so they are tested with fake clocks.
//!
//! Time is counted on two clocks: the wall clock (`Date.now()`), which goes on while a
//! tablet sleeps, so a tablet that slept wakes up wiped; and a monotonic clock
//! (`performance.now()`), which never steps back, so a wall clock set back (by hand, or by a
//! network time correction) cannot delay the wipe. The longer of the two counts.

/// When the last touch happened, on both clocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdleClock {
    wall_ms: f64,
    mono_ms: f64,
}

impl IdleClock {
    /// A touch at this instant.
    pub fn touched(wall_ms: f64, mono_ms: f64) -> IdleClock {
        IdleClock { wall_ms, mono_ms }
    }

    /// Milliseconds since the touch: the longer of the two clocks' counts, never negative.
    pub fn elapsed(&self, wall_ms: f64, mono_ms: f64) -> f64 {
        let wall = wall_ms - self.wall_ms;
        let mono = mono_ms - self.mono_ms;
        wall.max(mono).max(0.0)
    }
}

/// The guard's limits, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdleLimits {
    /// Without a touch, "are you still there?" after this long…
    pub idle_ms: f64,
    /// …and the wipe this much later.
    pub countdown_ms: f64,
    /// On the code screen: the wipe after this long.
    pub handoff_ms: f64,
    /// On the "please wait here" screen: the wipe after this long.
    pub wait_ms: f64,
    /// On a screen with much to read, the time before asking is this many times longer.
    pub reading_factor: f64,
}

/// The kind of screen, for the guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// A question: the centre's idle time.
    Question,
    /// Much text to read (consent, the child's notice): the idle time times the factor.
    Reading,
    /// Her code is on screen: the handoff time, then a fresh kiosk.
    Code,
    /// "Please wait here" with her code: the wait time, then a fresh kiosk.
    Waiting,
}

impl Pace {
    /// The pace of the flow's current screen.
    pub fn of(flow: &crate::flow::Flow) -> Pace {
        match flow.step() {
            crate::flow::Step::Handoff => Pace::Code,
            crate::flow::Step::WaitHere => Pace::Waiting,
            _ if flow.is_long_read() => Pace::Reading,
            _ => Pace::Question,
        }
    }
}

/// What the guard does now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleAction {
    /// Nothing to show.
    Wait,
    /// "Are you still there?", with these whole seconds left.
    Ask { seconds_left: u32 },
    /// Wipe and show the neutral page.
    Exit,
    /// The code screen's time is up: wipe to a fresh kiosk.
    EndHandoff,
}

impl IdleLimits {
    /// The action after `elapsed_ms` without a touch, at this pace.
    pub fn action(&self, elapsed_ms: f64, pace: Pace) -> IdleAction {
        let code_ms = match pace {
            Pace::Code => Some(self.handoff_ms),
            Pace::Waiting => Some(self.wait_ms),
            Pace::Question | Pace::Reading => None,
        };
        if let Some(code_ms) = code_ms {
            return if elapsed_ms >= code_ms {
                IdleAction::EndHandoff
            } else {
                IdleAction::Wait
            };
        }
        let idle_ms = if pace == Pace::Reading {
            self.idle_ms * self.reading_factor.max(1.0)
        } else {
            self.idle_ms
        };
        let end = idle_ms + self.countdown_ms;
        if elapsed_ms >= end {
            IdleAction::Exit
        } else if elapsed_ms >= idle_ms {
            IdleAction::Ask {
                seconds_left: ((end - elapsed_ms) / 1000.0).ceil() as u32,
            }
        } else {
            IdleAction::Wait
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: IdleLimits = IdleLimits {
        idle_ms: 90_000.0,
        countdown_ms: 20_000.0,
        handoff_ms: 300_000.0,
        wait_ms: 1_800_000.0,
        reading_factor: 3.0,
    };

    /// Security review finding 13: the guard counted the wall clock only, so a clock set
    /// back an hour delayed the wipe by an hour.
    #[test]
    fn a_wall_clock_stepping_back_cannot_delay_the_wipe() {
        let wall = 1_800_000_000_000.0;
        let touch = IdleClock::touched(wall, 5_000.0);
        // 111 s pass on the monotonic clock while the wall clock is set back one hour.
        let elapsed = touch.elapsed(wall - 3_600_000.0 + 111_000.0, 5_000.0 + 111_000.0);
        assert_eq!(elapsed, 111_000.0);
        assert_eq!(LIMITS.action(elapsed, Pace::Question), IdleAction::Exit);
    }

    #[test]
    fn a_tablet_that_slept_counts_the_wall_clock() {
        // Asleep for two minutes: the monotonic clock may not count it, the wall clock does.
        let touch = IdleClock::touched(1_000.0, 1_000.0);
        let elapsed = touch.elapsed(1_000.0 + 120_000.0, 1_000.0 + 500.0);
        assert_eq!(LIMITS.action(elapsed, Pace::Question), IdleAction::Exit);
    }

    #[test]
    fn the_guard_asks_then_exits_and_the_code_screen_has_its_own_time() {
        let q = Pace::Question;
        assert_eq!(LIMITS.action(89_999.0, q), IdleAction::Wait);
        assert_eq!(
            LIMITS.action(90_000.0, q),
            IdleAction::Ask { seconds_left: 20 }
        );
        assert_eq!(
            LIMITS.action(109_001.0, q),
            IdleAction::Ask { seconds_left: 1 }
        );
        assert_eq!(LIMITS.action(110_000.0, q), IdleAction::Exit);
        assert_eq!(LIMITS.action(200_000.0, Pace::Code), IdleAction::Wait);
        assert_eq!(LIMITS.action(300_000.0, Pace::Code), IdleAction::EndHandoff);
    }

    /// What she is told, finding 10: the consent screen was wiped while she read it.
    #[test]
    fn a_long_read_waits_longer_and_the_wait_screen_keeps_her_code_longest() {
        let r = Pace::Reading;
        assert_eq!(LIMITS.action(110_000.0, r), IdleAction::Wait);
        assert_eq!(LIMITS.action(269_999.0, r), IdleAction::Wait);
        assert_eq!(
            LIMITS.action(270_000.0, r),
            IdleAction::Ask { seconds_left: 20 }
        );
        assert_eq!(LIMITS.action(290_000.0, r), IdleAction::Exit);
        // Past the code screen's time, the wait screen still holds her code.
        assert_eq!(LIMITS.action(300_000.0, Pace::Waiting), IdleAction::Wait);
        assert_eq!(
            LIMITS.action(1_800_000.0, Pace::Waiting),
            IdleAction::EndHandoff
        );
    }

    #[test]
    fn the_pace_follows_the_screen() {
        use crate::flow::{Event, Flow};
        use crate::{AgeBand, LangTag};
        let mut f = Flow::new();
        assert_eq!(Pace::of(&f), Pace::Question);
        f.apply(Event::ChooseLanguage(LangTag::VI))
            .expect("language");
        f.apply(Event::ChooseAge(AgeBand::Adult)).expect("age");
        assert_eq!(Pace::of(&f), Pace::Reading);
        let mut w = Flow::new();
        w.apply(Event::NeedInterpreter(LangTag::parse("tyz").expect("tag")))
            .expect("wait");
        assert_eq!(Pace::of(&w), Pace::Waiting);
    }

    #[test]
    fn both_clocks_stepping_back_count_as_no_time() {
        let touch = IdleClock::touched(10_000.0, 10_000.0);
        assert_eq!(touch.elapsed(0.0, 0.0), 0.0);
    }
}
