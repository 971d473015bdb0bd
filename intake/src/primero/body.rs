//! The body Primero's API takes for a new case (`POST /api/v2/cases`): `{"data": {…}}` in
//! Primero's own types — tick boxes as booleans, yes/no radios as "true"/"false", services as
//! subform rows with their own lowercase UUIDs — built only from what she decided with staff
//! in person. Never sent: her kiosk taps as consent, "not asked" or "skipped", a sex other
//! than female or male, an age (the kiosk asks a band), the private-room answer.
use super::mapping::Mapping;
use crate::answers::Sex;
use crate::desk::decisions::{Entry, Share};
use crate::handoff::{Handoff, KioskId};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

/// A lowercase version-4-shaped UUID from `parts` (derived, so the same case always gets
/// the same id: a second import is refused by Primero with 409, never duplicated).
fn uuid(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u32).to_be_bytes());
        h.update(p);
    }
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = crate::desk::wrap::hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The case's id in Primero, from the kiosk that sealed the code and the handoff's id.
pub fn case_id(kiosk: KioskId, handoff: &Handoff) -> String {
    uuid(&[
        b"anh-duong primero case v1",
        &kiosk.0.to_be_bytes(),
        &handoff.id.0,
    ])
}

/// The body for one recorded case.
pub fn body(kiosk: KioskId, handoff: &Handoff, decided: &Entry, mapping: &Mapping) -> Value {
    let d = &decided.decisions;
    let a = &handoff.answers;
    let id = case_id(kiosk, handoff);
    let mut o = Map::new();
    o.insert("id".into(), json!(id));
    o.insert("module_id".into(), json!(mapping.module_id));
    if let Some(consent) = d.consent_services {
        o.insert(mapping.consent_for_services.clone(), json!(consent));
    }
    let shared: Vec<_> = d.shared().map(|s| s.service).collect();
    for s in &d.services {
        let Some(field) = mapping.share_fields.get(&s.service) else {
            continue;
        };
        let value = match s.share {
            Share::Share if shared.contains(&s.service) => "true",
            Share::DoNotShare => "false",
            // Later, or not allowed yet (no consent; a child without a parent's agreement).
            Share::Share | Share::DecideLater => continue,
        };
        o.insert(field.clone(), json!(value));
    }
    if d.consent_services == Some(true) {
        let rows: Vec<Value> = d
            .services
            .iter()
            .filter_map(|s| {
                mapping
                    .service_types
                    .get(&s.service)
                    .map(|t| (s.service, t))
            })
            .map(|(service, option)| {
                let mut row = Map::new();
                row.insert(
                    "unique_id".into(),
                    json!(uuid(&[b"row", id.as_bytes(), service.id().as_bytes()])),
                );
                row.insert(mapping.service_type_field.clone(), json!(option));
                Value::Object(row)
            })
            .collect();
        if !rows.is_empty() {
            o.insert(mapping.services_subform.clone(), Value::Array(rows));
        }
    }
    if let Some(field) = &mapping.sex {
        match a.sex {
            Sex::Female => o.insert(field.clone(), json!("female")),
            Sex::Male => o.insert(field.clone(), json!("male")),
            _ => None,
        };
    }
    if let (Some(field), Some(count)) = (&mapping.consent_reporting, d.count_in_reports) {
        o.insert(field.clone(), json!(if count { "true" } else { "false" }));
    }
    // Disclosure to other organisations: only what `shared` allows — her consent, and for
    // a child a parent's or guardian's too, never the child's assent alone.
    if let Some(field) = &mapping.disclosure_other_orgs
        && d.consent_services == Some(true)
    {
        o.insert(field.clone(), json!(!shared.is_empty()));
    }
    json!({ "data": Value::Object(o) })
}
