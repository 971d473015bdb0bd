//! The survivor's path, told as stories: events in, screens and answers out.
use intake::flow::{ConsentChoice, Event as E, Flow, FlowError, Step as S};
use intake::{AgeBand, Children, LangTag, Reply, Service, Sex, Wish};

fn walk(flow: &mut Flow, events: &[E]) {
    for e in events {
        if let Err(err) = flow.apply(*e) {
            panic!("{e:?} refused on {:?}: {err}", flow.step());
        }
    }
}

fn adult_to_services(flow: &mut Flow) {
    walk(
        flow,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Adult),
            E::Consent(ConsentChoice::Yes),
            E::Reply(Reply::No),
            E::Reply(Reply::No),
            E::ChooseChildren(Children::Count(2)),
        ],
    );
}

#[test]
fn an_adult_walks_the_full_path_to_her_code() {
    let mut f = Flow::new();
    adult_to_services(&mut f);
    assert_eq!(f.step(), S::Services);
    walk(
        &mut f,
        &[
            E::ToggleService(Service::Health),
            E::ToggleService(Service::Legal),
            E::Continue,
        ],
    );
    assert_eq!(f.step(), S::Sharing);
    walk(
        &mut f,
        &[
            E::Share(Service::Health, Wish::Yes),
            E::Share(Service::Legal, Wish::Yes),
            E::Continue,
        ],
    );
    assert_eq!(f.step(), S::PrivateRoom);
    walk(
        &mut f,
        &[
            E::Reply(Reply::Yes),
            E::Reply(Reply::Yes),
            E::ChooseSex(Sex::Female),
            E::Reply(Reply::Skipped),
        ],
    );
    assert_eq!(f.step(), S::Review);
    walk(&mut f, &[E::Continue]);
    assert_eq!(f.step(), S::Handoff);
    let a = f.answers();
    assert_eq!(a.consent_services, Reply::Yes);
    assert_eq!(a.sharing.wish(Service::Health), Wish::Yes);
    assert_eq!(a.sharing.wish(Service::Police), Wish::NotAsked);
    assert_eq!(a.children, Children::Count(2));
    assert_eq!(a.private_room, Reply::Yes);
    assert_eq!(a.consent_statistics, Reply::Yes);
    assert_eq!(a.disability, Reply::Skipped);
    assert!(!f.can_go_back(), "no Back from the code screen");
}

#[test]
fn consent_refused_offers_hotlines_and_asks_nothing_more() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::EN),
            E::ChooseAge(AgeBand::Adult),
            E::Consent(ConsentChoice::No),
        ],
    );
    assert_eq!(f.step(), S::ConsentRefused);
    assert!(f.apply(E::Reply(Reply::Yes)).is_err());
    // A mis-tap on No is not a dead end: Back returns to the consent question.
    assert!(f.can_go_back());
    walk(&mut f, &[E::Back]);
    assert_eq!(f.step(), S::Consent);
}

#[test]
fn information_only_makes_no_code() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Adult),
            E::Consent(ConsentChoice::InformationOnly),
        ],
    );
    assert_eq!(f.step(), S::InformationOnly);
    assert!(f.apply(E::CodeNow).is_err());
    assert!(f.apply(E::Continue).is_err());
}

#[test]
fn a_child_of_12_to_15_sees_the_reporting_notice_before_any_other_question() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::From12To15),
        ],
    );
    assert_eq!(f.step(), S::ChildNotice);
    assert!(
        f.apply(E::Consent(ConsentChoice::Yes)).is_err(),
        "no consent before the notice"
    );
    walk(&mut f, &[E::Continue]);
    assert_eq!(f.step(), S::Consent);
}

#[test]
fn a_child_of_12_to_15_never_gets_sharing_toggles() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::From12To15),
            E::Continue,
            E::Consent(ConsentChoice::Yes),
            E::Reply(Reply::No),
            E::Reply(Reply::No),
            E::ChooseChildren(Children::Count(0)),
            E::ToggleService(Service::Psychosocial),
            E::Continue,
        ],
    );
    assert_eq!(f.step(), S::Sharing, "the explanation screen");
    assert!(matches!(
        f.apply(E::Share(Service::Psychosocial, Wish::No)),
        Err(FlowError::NotHere { .. })
    ));
    walk(&mut f, &[E::Continue]);
    assert_eq!(f.step(), S::PrivateRoom, "a child is asked too");
    assert_eq!(
        f.answers().sharing.wish(Service::Psychosocial),
        Wish::NotAsked
    );
}

#[test]
fn a_child_under_12_is_sent_to_the_desk_with_no_further_questions() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Under12),
        ],
    );
    assert_eq!(f.step(), S::ChildToDesk);
    for e in [
        E::Continue,
        E::Consent(ConsentChoice::Yes),
        E::Reply(Reply::Yes),
        E::CodeNow,
    ] {
        assert!(f.apply(e).is_err(), "{e:?}");
    }
}

#[test]
fn danger_now_offers_the_desk_and_a_code_at_once_carrying_only_what_is_known() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Adult),
            E::Consent(ConsentChoice::Yes),
            E::Reply(Reply::Yes),
            E::Reply(Reply::Skipped),
        ],
    );
    assert_eq!(f.step(), S::GoToDeskNow);
    walk(&mut f, &[E::CodeNow]);
    assert_eq!(f.step(), S::Handoff);
    let a = f.answers();
    assert_eq!(a.danger_now, Reply::Yes);
    assert_eq!(a.doctor_now, Reply::Skipped);
    assert_eq!(a.children, Children::NotAsked);
    assert_eq!(a.consent_statistics, Reply::NotAsked);
    assert!(a.sharing.answered().is_empty());
}

#[test]
fn i_need_help_now_from_the_welcome_screen_goes_straight_to_the_desk_screen() {
    let mut f = Flow::new();
    walk(&mut f, &[E::HelpNow]);
    assert_eq!(f.step(), S::GoToDeskNow);
    walk(&mut f, &[E::CodeNow]);
    let a = f.answers();
    assert!(a.help_now);
    assert_eq!(
        a.consent_services,
        Reply::NotAsked,
        "never asked, never reported as given"
    );
    assert_eq!(a.consent_statistics, Reply::NotAsked);
    assert_eq!(a.age_band, AgeBand::NotAsked);
}

#[test]
fn continuing_after_help_now_before_consent_starts_at_the_age_question() {
    let mut f = Flow::new();
    walk(&mut f, &[E::HelpNow, E::Continue]);
    assert_eq!(f.step(), S::Age);
}

#[test]
fn sharing_refused_for_one_service_keeps_that_service() {
    let mut f = Flow::new();
    adult_to_services(&mut f);
    walk(
        &mut f,
        &[
            E::ToggleService(Service::Health),
            E::ToggleService(Service::Police),
            E::Continue,
            E::Share(Service::Health, Wish::Yes),
            E::Share(Service::Police, Wish::No),
        ],
    );
    assert_eq!(f.apply(E::Continue), Ok(()));
    let a = f.answers();
    assert!(a.services.contains(Service::Police));
    assert_eq!(a.sharing.wish(Service::Police), Wish::No);
}

/// Consent promised she may skip any question: the sharing screen let her go on only when
/// every row was answered (review of what she is told, finding 1).
#[test]
fn sharing_may_be_left_unanswered_and_reads_not_asked_never_no() {
    let mut f = Flow::new();
    adult_to_services(&mut f);
    walk(
        &mut f,
        &[
            E::ToggleService(Service::Health),
            E::ToggleService(Service::Shelter),
            E::ToggleService(Service::Legal),
            E::Continue,
            E::Share(Service::Health, Wish::Yes),
            E::Share(Service::Legal, Wish::NotSure),
        ],
    );
    assert_eq!(f.apply(E::Continue), Ok(()));
    assert_eq!(f.step(), S::PrivateRoom);
    let sharing = f.answers().sharing;
    assert_eq!(sharing.wish(Service::Health), Wish::Yes);
    assert_eq!(sharing.wish(Service::Shelter), Wish::NotAsked);
    assert_eq!(sharing.wish(Service::Legal), Wish::NotSure);
}

#[test]
fn no_service_and_no_talk_first_cannot_continue() {
    let mut f = Flow::new();
    adult_to_services(&mut f);
    assert_eq!(f.apply(E::Continue), Err(FlowError::NoServiceChosen));
    walk(&mut f, &[E::ToggleTalkFirst, E::Continue]);
    assert_eq!(
        f.step(),
        S::PrivateRoom,
        "talking first needs no sharing question"
    );
}

fn to_review() -> Flow {
    let mut f = Flow::new();
    adult_to_services(&mut f);
    walk(
        &mut f,
        &[
            E::ToggleService(Service::Health),
            E::Continue,
            E::Share(Service::Health, Wish::Yes),
            E::Continue,
            E::Reply(Reply::Skipped),
            E::Reply(Reply::Yes),
            E::ChooseSex(Sex::Female),
            E::Reply(Reply::No),
        ],
    );
    assert_eq!(f.step(), S::Review);
    f
}

#[test]
fn an_answer_changed_at_review_returns_to_review() {
    let mut f = to_review();
    walk(&mut f, &[E::Change(S::Statistics), E::Reply(Reply::No)]);
    assert_eq!(f.step(), S::Review);
    assert_eq!(f.answers().consent_statistics, Reply::No);
}

/// Found by the format review: an adult's sharing wishes stayed in the code when her age
/// was changed to 12–15 at review, and the child path never asks about sharing.
#[test]
fn changing_the_age_to_a_child_at_review_forgets_the_adult_sharing_wishes() {
    let mut f = to_review();
    assert!(!f.answers().sharing.answered().is_empty());
    walk(
        &mut f,
        &[E::Change(S::Age), E::ChooseAge(AgeBand::From12To15)],
    );
    assert!(f.answers().sharing.answered().is_empty());
    assert!(
        f.answers().in_range(),
        "a code can be made from what she has now"
    );
}

#[test]
fn adding_a_service_at_review_asks_its_sharing_question() {
    let mut f = to_review();
    walk(
        &mut f,
        &[
            E::Change(S::Services),
            E::ToggleService(Service::Legal),
            E::Continue,
        ],
    );
    assert_eq!(f.step(), S::Sharing);
    walk(&mut f, &[E::Share(Service::Legal, Wish::No), E::Continue]);
    assert_eq!(f.step(), S::Review);
}

#[test]
fn removing_a_service_forgets_its_sharing_answer() {
    let mut f = to_review();
    walk(
        &mut f,
        &[
            E::Change(S::Services),
            E::ToggleService(Service::Health),
            E::ToggleTalkFirst,
            E::Continue,
        ],
    );
    assert_eq!(f.answers().sharing.wish(Service::Health), Wish::NotAsked);
}

#[test]
fn back_returns_to_the_previous_screen() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Adult),
            E::Back,
        ],
    );
    assert_eq!(f.step(), S::Age);
    walk(&mut f, &[E::Back]);
    assert_eq!(f.step(), S::Welcome);
    assert_eq!(
        f.apply(E::Back),
        Ok(()),
        "Back on the first screen does nothing"
    );
    assert_eq!(f.step(), S::Welcome);
}

/// Every state reachable in the scenarios above, for the wipe test.
fn every_state() -> Vec<Flow> {
    let mut states = vec![Flow::new()];
    let scripts: Vec<Vec<E>> = vec![
        vec![E::HelpNow, E::CodeNow],
        vec![E::NeedInterpreter(tag("hab"))],
        vec![
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Under12),
        ],
        vec![
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::From12To15),
            E::Continue,
            E::Consent(ConsentChoice::No),
        ],
        vec![
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::Adult),
            E::Consent(ConsentChoice::InformationOnly),
        ],
        vec![
            E::ChooseLanguage(LangTag::EN),
            E::ChooseAge(AgeBand::From16To17),
            E::Consent(ConsentChoice::Yes),
            E::Reply(Reply::Yes),
            E::Reply(Reply::Yes),
            E::Continue,
            E::ChooseChildren(Children::Count(5)),
            E::ToggleService(Service::Shelter),
            E::Continue,
            E::Share(Service::Shelter, Wish::No),
            E::Continue,
            E::Reply(Reply::No),
            E::Reply(Reply::Skipped),
            E::ChooseSex(Sex::Skipped),
            E::Reply(Reply::Yes),
            E::Continue,
        ],
    ];
    for script in scripts {
        let mut f = Flow::new();
        for e in script {
            f.apply(e).expect("scripted event");
            states.push(f.clone());
        }
    }
    states
}

#[test]
fn quick_exit_and_the_idle_wipe_forget_everything_from_every_state() {
    let states = every_state();
    let steps: std::collections::HashSet<_> = states.iter().map(|f| f.step()).collect();
    assert!(
        steps.len() >= 18,
        "the scripts visit {} screens",
        steps.len()
    );
    for mut f in states {
        f.wipe();
        assert_eq!(f, Flow::new());
        assert!(!f.can_go_back(), "nothing to go back to after a wipe");
    }
}

fn tag(text: &str) -> LangTag {
    LangTag::parse(text).expect("a tag")
}

/// What she is told, finding 4: a woman who speaks Tày, or who signs, could not use the
/// kiosk and brought a relative to interpret. Her language goes straight to the wait
/// screen, and the code carries only her language, "interpreter needed" and "help now".
#[test]
fn a_language_without_screens_goes_to_the_wait_screen_with_only_what_staff_need() {
    for lang in ["tyz", "hab", "und"] {
        let mut f = Flow::new();
        walk(&mut f, &[E::NeedInterpreter(tag(lang))]);
        assert_eq!(f.step(), S::WaitHere);
        assert_eq!(intake::idle::Pace::of(&f), intake::idle::Pace::Waiting);
        let a = f.answers();
        assert_eq!(a.spoken_language, tag(lang));
        assert_eq!(a.interpreter, Reply::Yes);
        assert!(a.help_now && a.is_urgent());
        let asked_nothing_else = intake::Answers {
            spoken_language: tag(lang),
            interpreter: Reply::Yes,
            help_now: true,
            ..intake::Answers::default()
        };
        assert_eq!(*a, asked_nothing_else);
        assert_eq!(
            a.session_language,
            LangTag::VI,
            "the screens stay as they were"
        );
        for e in [E::Continue, E::CodeNow, E::Reply(Reply::Yes), E::HelpNow] {
            assert!(f.apply(e).is_err(), "{e:?} on the wait screen");
        }
    }
}

/// A tap on the wrong language is undone with Back, and nothing of it stays.
#[test]
fn back_from_the_wait_screen_forgets_the_language_and_the_interpreter() {
    let mut f = Flow::new();
    walk(&mut f, &[E::NeedInterpreter(tag("ium")), E::Back]);
    assert_eq!(f.step(), S::Welcome);
    assert_eq!(*f.answers(), intake::Answers::default());
    // Back from English: the screens stay in English; nothing else is kept.
    let mut e = Flow::new();
    walk(&mut e, &[E::ChooseLanguage(LangTag::EN), E::Back]);
    assert_eq!(e.language(), LangTag::EN);
    walk(&mut f, &[E::ChooseLanguage(LangTag::EN)]);
    assert_eq!(f.answers().interpreter, Reply::NotAsked);
    assert!(!f.answers().help_now);
}

/// The private room is asked of everyone, optional, and changeable from review.
#[test]
fn the_private_room_is_one_optional_question_and_can_be_changed() {
    let mut f = to_review();
    assert_eq!(f.answers().private_room, Reply::Skipped);
    walk(&mut f, &[E::Change(S::PrivateRoom), E::Reply(Reply::Yes)]);
    assert_eq!(f.step(), S::Review);
    assert_eq!(f.answers().private_room, Reply::Yes);
}

/// The urgent screen says what staff will do, by reason (finding 6).
#[test]
fn the_urgent_screen_knows_why_she_is_there() {
    use intake::UrgentReason as R;
    let urgent = |danger: Reply, doctor: Reply| {
        let mut f = Flow::new();
        walk(
            &mut f,
            &[
                E::ChooseLanguage(LangTag::VI),
                E::ChooseAge(AgeBand::Adult),
                E::Consent(ConsentChoice::Yes),
                E::Reply(danger),
                E::Reply(doctor),
            ],
        );
        assert_eq!(f.step(), S::GoToDeskNow);
        f.answers().urgent_reasons()
    };
    assert_eq!(urgent(Reply::Yes, Reply::No), vec![R::Danger]);
    assert_eq!(urgent(Reply::No, Reply::Yes), vec![R::Doctor]);
    assert_eq!(urgent(Reply::Yes, Reply::Yes), vec![R::Danger, R::Doctor]);
    let mut f = Flow::new();
    walk(&mut f, &[E::HelpNow]);
    assert_eq!(f.answers().urgent_reasons(), vec![R::HelpNow]);
}

/// Finding 10: the consent screen and the child's notice are long reads.
#[test]
fn consent_and_the_childs_notice_are_long_reads() {
    let mut f = Flow::new();
    walk(
        &mut f,
        &[
            E::ChooseLanguage(LangTag::VI),
            E::ChooseAge(AgeBand::From12To15),
        ],
    );
    assert!(f.is_long_read(), "the child's notice");
    walk(&mut f, &[E::Continue]);
    assert!(f.is_long_read(), "the assent screen");
    walk(&mut f, &[E::Consent(ConsentChoice::Yes)]);
    assert!(!f.is_long_read(), "a question");
}
