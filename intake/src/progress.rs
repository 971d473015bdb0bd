//! Where she is: the segments of the progress bar for the path she is on.
//!
//! The total is fixed for her path (it does not grow or jump as she answers). A step that
//! comes only after some answers (sharing, the child's notice) is *optional*, drawn
//! hollow ahead of her and when it was passed by. Off the main path — the urgent screen,
//! "please wait here", the end screens — the path is where she has been, this screen, and
//! her code if one follows.
use crate::flow::Step;

/// One segment of the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// A step behind her.
    Done,
    /// The screen she is on.
    Here,
    /// A step still to come.
    Ahead,
    /// A step that may not come, or that did not (drawn hollow).
    Optional,
}

/// Her place on her path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The segments, first to last.
    pub segments: Vec<Segment>,
}

impl Progress {
    /// The screen's number on the path, from 1.
    pub fn at(&self) -> usize {
        self.segments
            .iter()
            .position(|s| *s == Segment::Here)
            .map_or(0, |i| i + 1)
    }

    /// How many screens the path has.
    pub fn of(&self) -> usize {
        self.segments.len()
    }
}

/// The main path. The child's notice is on it for everyone (hollow for an adult), so the
/// total does not change when she gives her age.
const MAIN_PATH: [Step; 15] = [
    Step::Welcome,
    Step::Age,
    Step::ChildNotice,
    Step::Consent,
    Step::Danger,
    Step::Doctor,
    Step::Children,
    Step::Services,
    Step::Sharing,
    Step::PrivateRoom,
    Step::Statistics,
    Step::Sex,
    Step::Disability,
    Step::Review,
    Step::Handoff,
];

/// Steps shown only after some answers: sharing (when she chose a service), the child's
/// notice (from 12 to 15).
fn is_optional(step: Step) -> bool {
    matches!(step, Step::Sharing | Step::ChildNotice)
}

/// The bar for a screen, given the screens behind it (`history`, oldest first).
pub(crate) fn progress(step: Step, history: &[Step]) -> Progress {
    let main = MAIN_PATH.to_vec();
    // The code after the urgent screen ends the urgent path, not the main one.
    let urgent_code = step == Step::Handoff && history.last() == Some(&Step::GoToDeskNow);
    let path = if main.contains(&step) && !urgent_code {
        main
    } else {
        let mut side = history.to_vec();
        side.push(step);
        if step == Step::GoToDeskNow {
            side.push(Step::Handoff);
        }
        side
    };
    let here = path.iter().position(|s| *s == step).unwrap_or(0);
    let segments = path
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let visited = history.contains(s);
            match i.cmp(&here) {
                std::cmp::Ordering::Equal => Segment::Here,
                std::cmp::Ordering::Less if visited || !is_optional(*s) => Segment::Done,
                std::cmp::Ordering::Greater if !is_optional(*s) => Segment::Ahead,
                _ => Segment::Optional,
            }
        })
        .collect();
    Progress { segments }
}
