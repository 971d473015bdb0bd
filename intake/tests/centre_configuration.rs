//! Every malformed configuration is refused with the field and the problem named.
use intake::config::CentreConfig;
use serde_json::{Value, json};

fn demo() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/centre.json"
    ))
    .expect("the demo configuration ships with the repo");
    serde_json::from_str(&text).expect("demo is JSON")
}

#[test]
fn the_shipped_demo_configuration_is_valid() {
    let text = serde_json::to_string(&demo()).expect("json");
    let config = CentreConfig::parse(&text).expect("valid");
    assert!(config.uses_demo_key(), "the demo ships with the demo key");
    assert_eq!(config.services.len(), 8);
}

/// Applies `edit` to the demo configuration and expects an error naming `field`.
fn refused(edit: impl FnOnce(&mut Value), field: &str, words: &str) {
    let mut v = demo();
    edit(&mut v);
    let text = serde_json::to_string(&v).expect("json");
    match CentreConfig::parse(&text) {
        Ok(_) => panic!("accepted a configuration with a bad {field}"),
        Err(e) => {
            assert_eq!(e.field, field, "{e}");
            assert!(e.problem.contains(words), "{e} should say {words:?}");
        }
    }
}

fn remove(key: &'static str) -> impl FnOnce(&mut Value) {
    move |v| {
        v.as_object_mut().expect("object").remove(key);
    }
}

fn files(value: Value) -> impl FnOnce(&mut Value) {
    move |v| v["language_files"] = value
}

fn set(pointer: &'static str, value: Value) -> impl FnOnce(&mut Value) {
    move |v| {
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value
    }
}

#[test]
fn malformed_configurations_name_the_field_and_the_problem() {
    refused(remove("name"), "(file)", "missing field `name`");
    refused(
        remove("staff_public_key"),
        "(file)",
        "missing field `staff_public_key`",
    );
    refused(remove("services"), "(file)", "missing field `services`");
    refused(
        set("/idle_seconds", json!("ninety")),
        "idle_seconds",
        "invalid type",
    );
    refused(
        set("/idle_seconds", json!(-1)),
        "idle_seconds",
        "invalid value",
    );
    refused(
        set("/idle_seconds", json!(5)),
        "idle_seconds",
        "out of range",
    );
    refused(
        set("/idle_seconds", json!(100000)),
        "idle_seconds",
        "out of range",
    );
    refused(
        set("/handoff_seconds", json!(1)),
        "handoff_seconds",
        "out of range",
    );
    refused(
        set("/idle_countdown_seconds", json!(0)),
        "idle_countdown_seconds",
        "out of range",
    );
    refused(
        set("/exit_return_seconds", json!(99999)),
        "exit_return_seconds",
        "out of range",
    );
    refused(
        set("/services/0/id", json!("massage")),
        "services[0].id",
        "unknown variant",
    );
    refused(
        set("/services/1/where", json!("moon")),
        "services[1].where",
        "unknown variant",
    );
    refused(
        set("/services", json!([])),
        "services",
        "at least one service",
    );
    refused(
        set("/services/1/id", json!("health")),
        "services[1].id",
        "listed twice",
    );
    refused(
        set("/services/4/phone", json!("call us")),
        "services[4].phone",
        "not a phone number",
    );
    refused(
        set("/hotlines/0/number", json!("11")),
        "hotlines[0].number",
        "not a phone number",
    );
    refused(
        set("/hotlines/1/number", json!("115-abc")),
        "hotlines[1].number",
        "not a phone number",
    );
    refused(
        set("/hotlines", json!([])),
        "hotlines",
        "at least one hotline",
    );
    refused(
        set("/staff_public_key", json!("abc")),
        "staff_public_key",
        "64 hexadecimal",
    );
    refused(
        set("/staff_public_key", json!("zz".repeat(32))),
        "staff_public_key",
        "0-9 and a-f",
    );
    refused(
        set("/languages", json!(["vi", "fr"])),
        "languages[1]",
        "no text for language",
    );
    refused(
        files(json!({"tay": "https://example.org/tay.json"})),
        "language_files.tay",
        "relative path",
    );
    refused(
        files(json!({"tay": "../secret.json"})),
        "language_files.tay",
        "relative path",
    );
    refused(
        files(json!({"tay": "lang/tay.json"})),
        "language_files.tay",
        "add the language to `languages`",
    );
    refused(
        files(json!({"en": "lang/en.json"})),
        "language_files.en",
        "built in",
    );
    refused(
        files(json!({"Tày": "lang/tay.json"})),
        "language_files.Tày",
        "not a language tag",
    );
    refused(
        set("/languages", json!(["vietnamese"])),
        "languages[0]",
        "not a language tag",
    );
    refused(
        set("/languages", json!([])),
        "languages",
        "at least one language",
    );
    refused(set("/name/en", json!("  ")), "name.en", "missing or empty");
    refused(
        set("/confidentiality_limits/en/2", json!("  ")),
        "confidentiality_limits.en[2]",
        "an empty point",
    );
    refused(
        set("/confidentiality_limits/vi", json!([])),
        "confidentiality_limits.vi",
        "at least one point",
    );
    refused(
        |v| {
            v["confidentiality_limits"]
                .as_object_mut()
                .expect("obj")
                .remove("vi");
        },
        "confidentiality_limits.vi",
        "missing",
    );
    // Handoff format 2 gives each kiosk its own letter: the old centre-wide field is named.
    for old in [json!("A"), json!("AB"), json!(7)] {
        refused(
            move |v| {
                v["ticket_prefix"] = old;
            },
            "ticket_prefix",
            "each kiosk now has its own letter",
        );
    }
    refused(
        set("/printer/width_mm", json!(110)),
        "printer.width_mm",
        "58 or 80",
    );
    refused(
        set("/directory/0/phone", json!("")),
        "directory[0].phone",
        "not a phone number",
    );
    refused(
        |v| {
            v["shelter_address"] = json!("12 Secret St");
        },
        "shelter_address",
        "unknown field",
    );
    refused(
        |v| {
            v["kiosk_pin"] = json!("1234");
        },
        "kiosk_pin",
        "unknown field",
    );
    refused(
        set("/spoken_languages", json!([])),
        "spoken_languages",
        "at least",
    );
    refused(
        |v| {
            v["spoken_languages"]
                .as_array_mut()
                .expect("list")
                .remove(1);
        },
        "languages[1]",
        "add \"en\" to spoken_languages",
    );
    refused(
        set("/spoken_languages/2/tag", json!("vi")),
        "spoken_languages[2].tag",
        "listed twice",
    );
    refused(
        set("/spoken_languages/2/name", json!(" ")),
        "spoken_languages[2].name",
        "in the language itself",
    );
    refused(
        set("/spoken_languages/2/tag", json!("Tày")),
        "spoken_languages[2].tag",
        "not a language tag",
    );
    refused(
        |v| v["spoken_languages"][2]["name_clip"] = json!("https://example.org/tay.mp3"),
        "spoken_languages[2].name_clip",
        "relative path",
    );
    refused(
        |v| v["spoken_languages"][2]["wait_clip"] = json!("clips/tay.exe"),
        "spoken_languages[2].wait_clip",
        "audio file",
    );
    refused(
        set("/wait_seconds", json!(10)),
        "wait_seconds",
        "60 to 7200",
    );
    refused(
        set("/reading_idle_factor", json!(9)),
        "reading_idle_factor",
        "1 to 5",
    );
    refused(
        |v: &mut Value| {
            for h in v["hotlines"].as_array_mut().expect("hotlines") {
                h["for_children"] = json!(false);
            }
        },
        "hotlines",
        "for_children",
    );
    refused(
        |v: &mut Value| v["compromised_key_days"] = json!(0),
        "compromised_key_days",
        "from 1 to 30",
    );
    refused(
        |v: &mut Value| v["compromised_key_days"] = json!(31),
        "compromised_key_days",
        "from 1 to 30",
    );
}

#[test]
fn a_language_with_a_catalogue_file_may_be_enabled() {
    let mut v = demo();
    v["languages"] = json!(["vi", "en", "tyz"]);
    v["language_files"] = json!({"tyz": "lang/tyz.json"});
    v["name"]["tyz"] = json!("(Tày)");
    v["confidentiality_limits"]["tyz"] = json!(["(Tày)"]);
    for list in ["hotlines", "directory"] {
        for entry in v[list].as_array_mut().expect("list") {
            for (_, value) in entry.as_object_mut().expect("entry").iter_mut() {
                if value.get("vi").is_some() {
                    value["tyz"] = json!("(Tày)");
                }
            }
        }
    }
    let config = CentreConfig::parse(&serde_json::to_string(&v).expect("json"))
        .unwrap_or_else(|e| panic!("refused: {e}"));
    let extra: Vec<_> = config
        .extra_languages()
        .map(|(l, p)| (l.as_str().to_owned(), p.to_owned()))
        .collect();
    assert_eq!(extra, vec![("tyz".to_owned(), "lang/tyz.json".to_owned())]);
}

#[test]
fn text_that_is_not_json_is_refused_with_its_position() {
    let e = CentreConfig::parse("{ \"name\": ").expect_err("refused");
    assert!(e.problem.contains("line 1"), "{e}");
    let e = CentreConfig::parse("").expect_err("refused");
    assert!(e.problem.contains("EOF"), "{e}");
}

/// Found by `fuzz_config`: the handoff tool's reader (with field paths) accepted a file
/// with text after the configuration, which the kiosk's reader refuses. Both refuse it now.
#[test]
fn text_after_the_configuration_is_refused() {
    let text = serde_json::to_string(&demo()).expect("json");
    for tail in ["}", "}}", " []", "x", ",{}"] {
        let e = CentreConfig::parse(&format!("{text}{tail}"))
            .err()
            .unwrap_or_else(|| panic!("accepted a configuration followed by {tail:?}"));
        assert_eq!(e.field, "(file)", "{e}");
        assert!(e.problem.contains("trailing characters"), "{e}");
    }
    CentreConfig::parse(&format!("{text}\n  \n")).expect("white space after is fine");
}

/// The demo's limits of confidentiality are the law's (review of what she is told): the
/// setup page warns while a centre still uses them, until its lawyer approves its own.
#[test]
fn the_shipped_demo_wording_is_recognised_until_the_centre_changes_it() {
    let config = CentreConfig::parse(&serde_json::to_string(&demo()).expect("json"))
        .expect("the demo configuration is valid");
    assert!(config.has_shipped_demo_limits());
    let en = config.points(&config.confidentiality_limits, intake::LangTag::EN);
    assert!(
        en.iter()
            .any(|p| p.contains("child under 16 has been harmed or may be harmed"))
    );
    assert!(
        !en.iter().any(|p| p.contains("only two")),
        "no promise of only two cases"
    );
    let mut v = demo();
    v["confidentiality_limits"]["vi"][0] = json!("Lời của trung tâm, luật sư đã duyệt.");
    v["confidentiality_limits"]["en"][0] = json!("The centre's words, approved by its lawyer.");
    let changed = CentreConfig::parse(&serde_json::to_string(&v).expect("json")).expect("valid");
    assert!(!changed.has_shipped_demo_limits());
}

#[test]
fn the_retired_demo_keys_field_is_refused_by_name() {
    let mut v = demo();
    v["demo_keys"] = Value::Bool(false);
    let err = CentreConfig::parse(&serde_json::to_string(&v).expect("json")).expect_err("refused");
    assert_eq!(err.field, "demo_keys");
    assert!(err.problem.contains("no longer used"), "{}", err.problem);
}

#[test]
fn a_configuration_with_its_own_staff_key_is_not_a_demo() {
    let mut v = demo();
    let own = intake::handoff::KeyPair::generate().expect("randomness");
    v["staff_public_key"] = Value::String(own.public().to_hex());
    let config = CentreConfig::parse(&serde_json::to_string(&v).expect("json")).expect("valid");
    assert!(!config.uses_demo_key());
}

#[test]
fn the_page_title_is_neutral_and_never_the_centres_name() {
    let config =
        CentreConfig::parse(&serde_json::to_string(&demo()).expect("json")).expect("valid");
    assert_eq!(config.page_title, intake::config::DEFAULT_PAGE_TITLE);
    for bad in [
        "Ngôi nhà Ánh Dương — kiosk",
        "sunshine house",
        "",
        "<b>x</b>",
    ] {
        let mut v = demo();
        v["page_title"] = Value::String(bad.to_owned());
        let err = CentreConfig::parse(&serde_json::to_string(&v).expect("json")).expect_err(bad);
        assert_eq!(err.field, "page_title", "{bad}");
    }
    // Typed with combining marks: caught before publishing (check-config, apply-config).
    let mut v = demo();
    v["page_title"] = Value::String("A\u{301}nh Du\u{31B}o\u{31B}ng".to_owned());
    let config = CentreConfig::parse(&serde_json::to_string(&v).expect("json")).expect("parses");
    let err = config.check_for_publishing().expect_err("names the centre");
    assert_eq!(err.field, "page_title");
}
