//! Primero's rules for a record body, applied as Primero applies them: `data.module_id` names
//! a module; `data.id` and every subform row's `unique_id` are lowercase UUIDs; a key is one
//! of the module's fields (Primero drops unknown keys silently: here they are reported); a
//! tick box is a JSON boolean; a radio or select holds an option id of its lookup; a subform
//! is a list of rows. Each problem names the JSON pointer Primero's 422 would name. The forms
//! and lookups come from a fixture read from Primero's source (see its `source`).
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A field of a form, as Primero defines it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    #[serde(rename = "type")]
    pub kind: String,
    /// The lookup of a radio or select (`lookup-yes-no`).
    #[serde(default)]
    pub options: Option<String>,
    /// A subform's own fields.
    #[serde(default)]
    pub fields: BTreeMap<String, Field>,
}

/// Forms per module and lookups, read from Primero's source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// Where each definition was read (repository, files, commit).
    pub source: Vec<String>,
    pub modules: BTreeMap<String, BTreeMap<String, Field>>,
    pub lookups: BTreeMap<String, Vec<String>>,
}

/// One thing Primero would refuse (or drop), at its JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pointer: String,
    pub what: String,
}

fn problem(pointer: &str, what: impl Into<String>) -> Problem {
    Problem {
        pointer: pointer.to_owned(),
        what: what.into(),
    }
}

/// A lowercase UUID (8-4-4-4-12 hexadecimal).
pub fn is_lowercase_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')))
}

impl Contract {
    /// Reads a contract fixture.
    pub fn parse(text: &str) -> Result<Contract, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// Every problem with `body`, in the order met; empty when Primero would take it whole.
    pub fn check(&self, body: &Value) -> Vec<Problem> {
        let Some(data) = body.get("data").and_then(Value::as_object) else {
            return vec![problem("/data", "the body is {\"data\": {…}}")];
        };
        let mut out = Vec::new();
        let module = data.get("module_id").and_then(Value::as_str);
        let Some(fields) = module.and_then(|m| self.modules.get(m)) else {
            out.push(problem("/data/module_id", "not a module of this instance"));
            return out;
        };
        match data.get("id").and_then(Value::as_str) {
            Some(id) if is_lowercase_uuid(id) => {}
            _ => out.push(problem("/data/id", "not a lowercase UUID")),
        }
        for (key, value) in data {
            if key == "id" || key == "module_id" {
                continue;
            }
            let pointer = format!("/data/{key}");
            match fields.get(key) {
                None => out.push(problem(
                    &pointer,
                    "not a field of this module (Primero drops it)",
                )),
                Some(field) => self.check_field(&pointer, field, value, &mut out),
            }
        }
        out
    }

    fn check_field(&self, pointer: &str, field: &Field, value: &Value, out: &mut Vec<Problem>) {
        match field.kind.as_str() {
            "tick_box" => {
                if !value.is_boolean() {
                    out.push(problem(pointer, "a tick box takes true or false"));
                }
            }
            "radio_button" | "select_box" => {
                let options = field.options.as_ref().and_then(|l| self.lookups.get(l));
                match (value.as_str(), options) {
                    (Some(v), Some(ids)) if ids.iter().any(|i| i == v) => {}
                    (Some(v), _) => {
                        out.push(problem(pointer, format!("{v:?} is not an option id")))
                    }
                    (None, _) => out.push(problem(pointer, "an option id (a string)")),
                }
            }
            "text_field" | "textarea" => {
                if !value.is_string() {
                    out.push(problem(pointer, "text"));
                }
            }
            "subform" => {
                let Some(rows) = value.as_array() else {
                    out.push(problem(pointer, "a subform takes a list of rows"));
                    return;
                };
                for (i, row) in rows.iter().enumerate() {
                    let at = format!("{pointer}/{i}");
                    let Some(row) = row.as_object() else {
                        out.push(problem(&at, "a row is an object"));
                        continue;
                    };
                    match row.get("unique_id").and_then(Value::as_str) {
                        Some(id) if is_lowercase_uuid(id) => {}
                        _ => out.push(problem(&format!("{at}/unique_id"), "not a lowercase UUID")),
                    }
                    for (key, v) in row {
                        if key == "unique_id" {
                            continue;
                        }
                        let inner = format!("{at}/{key}");
                        match field.fields.get(key) {
                            None => out.push(problem(
                                &inner,
                                "not a field of this subform (Primero drops it)",
                            )),
                            Some(f) => self.check_field(&inner, f, v, out),
                        }
                    }
                }
            }
            other => out.push(problem(
                pointer,
                format!("a {other} field is not written by the desk"),
            )),
        }
    }
}
