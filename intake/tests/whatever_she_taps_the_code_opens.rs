//! Whatever she taps, in whatever order, the answers the kiosk would seal pass the desk's
//! range checks: a genuine kiosk never makes a code the desk calls damaged.
mod common;

use common::{event, services};
use intake::flow::Flow;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_sequence_of_taps_leaves_answers_the_desk_accepts(
        events in proptest::collection::vec(event(), 0..60),
        _unused in services(),
    ) {
        let mut flow = Flow::new();
        for e in events {
            let _ = flow.apply(e);
            prop_assert!(flow.answers().in_range(), "after {:?}: {:?}", e, flow.answers());
        }
    }
}
