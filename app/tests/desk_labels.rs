//! The desk's words for her answers come from the kiosk's catalogues (one label per answer,
//! beside the service names) and are never an export code (`not_asked`, `12_15`): what she
//! is told, section 8, found the desk printing raw codes.
#![cfg(not(target_arch = "wasm32"))]

use app::i18n::texts;
use app::staff::labels;
use intake::two::Two;
use intake::{AgeBand, LangTag, Reply, Service, Sex};

fn every_label() -> Vec<Two> {
    let mut words: Vec<Two> = [Reply::Yes, Reply::No, Reply::Skipped, Reply::NotAsked]
        .into_iter()
        .map(labels::reply)
        .collect();
    words.extend([true, false].map(labels::flag));
    words.extend(AgeBand::CHOICES.into_iter().map(labels::age_band));
    words.push(labels::age_band(AgeBand::NotAsked));
    words.extend([Sex::Female, Sex::Male, Sex::Other, Sex::Skipped].map(labels::sex));
    for code in [
        "under_12",
        "12_15",
        "16_17",
        "18_plus",
        "prefer_not_to_say",
        "unknown",
    ] {
        words.push(labels::stats_age(code));
    }
    for code in ["female", "male", "other", "unknown"] {
        words.push(labels::stats_sex(code));
    }
    for code in ["health", "police", "none", ""] {
        words.push(labels::stats_service(code));
    }
    words
}

#[test]
fn no_desk_label_is_an_export_code() {
    for w in every_label() {
        assert!(
            !w.vi.is_empty() && !w.en.is_empty(),
            "{w:?} is in both languages"
        );
        for half in [&w.vi, &w.en] {
            for code in [
                "not_asked",
                "12_15",
                "18_plus",
                "not_sure",
                "skipped",
                "unknown",
                "female",
                "health",
            ] {
                assert!(!half.contains(code), "{w:?} shows the code {code}");
            }
            assert!(*half != "yes" && *half != "no");
        }
    }
}

#[test]
fn the_desk_reads_the_words_she_tapped() {
    let (vi, en) = (texts(LangTag::VI), texts(LangTag::EN));
    assert_eq!(
        labels::age_band(AgeBand::Adult),
        Two::new(vi.age_adult, en.age_adult)
    );
    assert_eq!(
        labels::sex(Sex::Female),
        Two::new(vi.sex_female, en.sex_female)
    );
    assert_eq!(
        labels::reply(Reply::Skipped),
        Two::new(vi.skipped, en.skipped)
    );
    for s in Service::ALL {
        assert_eq!(labels::service(s), Two::new(vi.service(s), en.service(s)));
    }
}
