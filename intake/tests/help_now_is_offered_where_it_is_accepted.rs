//! "I need help now" is shown by the frame exactly where the flow accepts it: one function,
//! `Step::offers_help_now`, decides both, on every screen her taps can reach.
mod common;

use common::event;
use intake::flow::{Event as E, Flow};
use proptest::prelude::*;

proptest! {
    #[test]
    fn help_now_is_accepted_exactly_where_it_is_offered(events in prop::collection::vec(event(), 0..40)) {
        let mut flow = Flow::new();
        for e in events {
            // Taps the screen did not offer are refused and change nothing.
            let _ = flow.apply(e);
            let offered = flow.step().offers_help_now();
            let accepted = flow.clone().apply(E::HelpNow).is_ok();
            prop_assert_eq!(accepted, offered, "on {:?}", flow.step());
        }
    }
}
