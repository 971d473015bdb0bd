//! A centre's own Primero instance, read through its API before anything is sent: its forms
//! (`GET /api/v2/forms`: form sections with `module_ids`, `parent_form`, fields with `type`,
//! `option_strings_source` "lookup lookup-…" or inline `option_strings_text`, and a
//! subform's `subform_section_id`) and its lookups (`GET /api/v2/lookups`, `unique_id` and
//! `values[].id`) become the same `Contract` the fixture gives; then every field and option
//! of the centre's mapping is compared with it, and each difference is named.
use super::contract::{Contract, Field};
use super::mapping::Mapping;
use serde_json::Value;
use std::collections::BTreeMap;

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// One field as the instance defines it; an inline option list becomes a lookup of its own.
fn field(
    form: &str,
    f: &Value,
    by_id: &BTreeMap<i64, &Value>,
    lookups: &mut BTreeMap<String, Vec<String>>,
    depth: u8,
) -> Result<(String, Field), String> {
    let name = text(f, "name").ok_or_else(|| format!("a field of form {form} has no name"))?;
    let kind = text(f, "type")
        .ok_or_else(|| format!("field {name} of form {form} has no type"))?
        .to_owned();
    let options = match (
        text(f, "option_strings_source"),
        f.get("option_strings_text"),
    ) {
        // "lookup lookup-yes-no": the lookup is its last word (as Primero's `Field` reads it).
        (Some(source), _) => Some(
            source
                .split_whitespace()
                .last()
                .unwrap_or(source)
                .to_owned(),
        ),
        (None, Some(Value::Array(inline))) => {
            let id = format!("inline:{form}/{name}");
            let ids = inline
                .iter()
                .filter_map(|o| text(o, "id").map(str::to_owned))
                .collect();
            lookups.insert(id.clone(), ids);
            Some(id)
        }
        _ => None,
    };
    let mut fields = BTreeMap::new();
    if kind == "subform" && depth == 0 {
        let sub = f
            .get("subform_section_id")
            .and_then(Value::as_i64)
            .and_then(|id| by_id.get(&id))
            .ok_or_else(|| format!("subform {name} of form {form}: its form is not listed"))?;
        let sub_name = text(sub, "unique_id").unwrap_or(name);
        for inner in sub
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (n, f) = field(sub_name, inner, by_id, lookups, depth + 1)?;
            fields.insert(n, f);
        }
    }
    Ok((
        name.to_owned(),
        Field {
            kind,
            options,
            fields,
        },
    ))
}

/// The contract of an instance: `forms` is the body of `GET /api/v2/forms`, `lookups` every
/// lookup of every page of `GET /api/v2/lookups`.
pub fn contract(source: &str, forms: &Value, lookups: &[Value]) -> Result<Contract, String> {
    let forms = forms
        .get("data")
        .and_then(Value::as_array)
        .ok_or("the forms answer has no data list")?;
    let by_id: BTreeMap<i64, &Value> = forms
        .iter()
        .filter_map(|f| f.get("id").and_then(Value::as_i64).map(|id| (id, f)))
        .collect();
    let mut table = BTreeMap::new();
    for l in lookups {
        let id = text(l, "unique_id").ok_or("a lookup has no unique_id")?;
        let values = l
            .get("values")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| text(v, "id").map(str::to_owned))
            .collect();
        table.insert(id.to_owned(), values);
    }
    let mut modules: BTreeMap<String, BTreeMap<String, Field>> = BTreeMap::new();
    for form in forms {
        let nested = form.get("is_nested").and_then(Value::as_bool) == Some(true);
        if nested || text(form, "parent_form") != Some("case") {
            continue;
        }
        let name = text(form, "unique_id").unwrap_or("?");
        let mut fields = Vec::new();
        for f in form
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            fields.push(field(name, f, &by_id, &mut table, 0)?);
        }
        for module in form
            .get("module_ids")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(m) = module.as_str() {
                modules
                    .entry(m.to_owned())
                    .or_default()
                    .extend(fields.clone());
            }
        }
    }
    Ok(Contract {
        source: vec![source.to_owned()],
        modules,
        lookups: table,
    })
}

/// Every way `mapping` differs from what the instance defines, one line each; empty when
/// the instance takes every field and option the mapping names.
pub fn differences(mapping: &Mapping, contract: &Contract) -> Vec<String> {
    let mut out = Vec::new();
    let Some(fields) = contract.modules.get(&mapping.module_id) else {
        out.push(format!(
            "module {}: not on this instance (modules here: {})",
            mapping.module_id,
            contract
                .modules
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return out;
    };
    let options = |f: &Field| -> Vec<String> {
        f.options
            .as_ref()
            .and_then(|l| contract.lookups.get(l))
            .cloned()
            .unwrap_or_default()
    };
    let expect = |within: &BTreeMap<String, Field>,
                  place: &str,
                  name: &str,
                  kinds: &[&str],
                  need: &[&str],
                  out: &mut Vec<String>|
     -> Option<Field> {
        let Some(f) = within.get(name) else {
            out.push(format!("field {name}: not on the {place}"));
            return None;
        };
        if !kinds.contains(&f.kind.as_str()) {
            out.push(format!(
                "field {name}: a {} here, the desk writes a {}",
                f.kind,
                kinds.join(" or ")
            ));
            return None;
        }
        let have = options(f);
        for o in need {
            if !have.iter().any(|h| h == o) {
                out.push(format!(
                    "field {name}: option {o} is not in {}",
                    f.options.as_deref().unwrap_or("its options")
                ));
            }
        }
        Some(f.clone())
    };
    let case_forms = format!("{} case forms", mapping.module_id);
    let yes_no = ["true", "false"];
    let choice = ["radio_button", "select_box"];
    expect(
        fields,
        &case_forms,
        &mapping.consent_for_services,
        &["tick_box"],
        &[],
        &mut out,
    );
    for name in mapping.share_fields.values() {
        expect(fields, &case_forms, name, &choice, &yes_no, &mut out);
    }
    if let Some(sub) = expect(
        fields,
        &case_forms,
        &mapping.services_subform,
        &["subform"],
        &[],
        &mut out,
    ) {
        let wanted: Vec<&str> = mapping.service_types.values().map(String::as_str).collect();
        expect(
            &sub.fields,
            &format!("subform {}", mapping.services_subform),
            &mapping.service_type_field,
            &choice,
            &wanted,
            &mut out,
        );
    }
    if let Some(sex) = &mapping.sex {
        expect(
            fields,
            &case_forms,
            sex,
            &choice,
            &["female", "male"],
            &mut out,
        );
    }
    if let Some(name) = &mapping.consent_reporting {
        expect(fields, &case_forms, name, &choice, &yes_no, &mut out);
    }
    if let Some(name) = &mapping.disclosure_other_orgs {
        expect(fields, &case_forms, name, &["tick_box"], &[], &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Forms as the API lists them: a case form with an inline option list and a subform
    /// (a nested form found by its numeric id), a form of another record type, lookups.
    fn api() -> (Value, Vec<Value>) {
        let forms = json!({"data": [
            {"id": 1, "unique_id": "consent", "parent_form": "case", "module_ids": ["primeromodule-gbv"],
             "fields": [
                {"name": "consent_for_services", "type": "tick_box"},
                {"name": "sex", "type": "select_box", "option_strings_text": [{"id": "female"}, {"id": "male"}]},
                {"name": "action_plan_section", "type": "subform", "subform_section_id": 2}]},
            {"id": 2, "unique_id": "action_plan_subform", "parent_form": "case", "is_nested": true,
             "module_ids": ["primeromodule-gbv"],
             "fields": [{"name": "service_type", "type": "select_box", "option_strings_source": "lookup  lookup-service-type"}]},
            {"id": 3, "unique_id": "incident_details", "parent_form": "incident", "module_ids": ["primeromodule-gbv"],
             "fields": [{"name": "consent_to_share_info_by_health", "type": "radio_button"}]}
        ]});
        let lookups = vec![
            json!({"unique_id": "lookup-service-type", "values": [{"id": "health_medical_service"}]}),
        ];
        (forms, lookups)
    }

    #[test]
    fn an_instances_forms_become_a_contract_and_each_difference_is_named() {
        let (forms, lookups) = api();
        let c = contract("test", &forms, &lookups).expect("reads");
        let gbv = &c.modules["primeromodule-gbv"];
        assert_eq!(
            gbv["action_plan_section"].fields["service_type"].kind,
            "select_box"
        );
        assert!(
            !gbv.contains_key("service_type"),
            "a nested form is not a case form"
        );
        assert!(
            !gbv.contains_key("consent_to_share_info_by_health"),
            "incident forms are not the case's"
        );
        let mut m = Mapping::gbv();
        m.share_fields.retain(|s, _| *s == crate::Service::Health);
        m.service_types
            .retain(|s, _| *s != crate::Service::Psychosocial);
        let found = differences(&m, &c);
        assert!(
            found.contains(
                &"field consent_to_share_info_by_health: not on the primeromodule-gbv case forms"
                    .to_owned()
            ),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|l| l.contains("option safehouse_service is not in lookup-service-type")),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|l| l.contains("sex")),
            "inline options are read: {found:?}"
        );
        assert!(
            !found.iter().any(|l| l.contains("health_medical_service")),
            "{found:?}"
        );
        assert!(contract("test", &json!({"data": [{"id": 1, "parent_form": "case", "fields": [{"type": "tick_box"}]}]}), &[]).is_err());
    }
}
