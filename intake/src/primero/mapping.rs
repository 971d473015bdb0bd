//! A centre's mapping onto its Primero instance: the module, the field names and the option
//! ids its forms use. Defaults follow Primero's standard GBV module (its case forms
//! `consent_for_services`, `consent_for_referrals`, `action_plan`, `survivor_information`)
//! and CP module; a centre whose forms differ writes its own file (JSON), checked here.
use crate::services::Service;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a centre's Primero names things.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// `primeromodule-gbv`, `primeromodule-cp`, or the centre's own.
    pub module_id: String,
    /// The tick box of her consent to services.
    pub consent_for_services: String,
    /// Per service, the yes/no radio of consent to share with that kind of agency (GBV's
    /// `consent_to_share_info_by_…`); a service without one is sent as no field.
    #[serde(default)]
    pub share_fields: BTreeMap<Service, String>,
    /// The subform of services (GBV `action_plan_section`, CP `services_section`).
    pub services_subform: String,
    /// The select inside each row (`service_type`).
    pub service_type_field: String,
    /// Per service, its option id in the instance's `lookup-service-type`.
    pub service_types: BTreeMap<Service, String>,
    /// The sex select (`sex`, on `lookup-gender`); sent only for female or male.
    #[serde(default)]
    pub sex: Option<String>,
    /// CP's radio of consent to reporting (GBV keeps it on the incident: none).
    #[serde(default)]
    pub consent_reporting: Option<String>,
    /// CP's tick box of consent to disclosure to other organisations; never from a child's
    /// assent alone.
    #[serde(default)]
    pub disclosure_other_orgs: Option<String>,
}

/// Why a mapping file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("not a mapping: {0}")]
    NotJson(String),
    #[error("{field}: {problem}")]
    Invalid { field: String, problem: String },
}

fn invalid(field: impl Into<String>, problem: impl Into<String>) -> MappingError {
    MappingError::Invalid {
        field: field.into(),
        problem: problem.into(),
    }
}

/// A Primero field or option name: lowercase letters, digits, `_` and `-`.
fn check_name(field: &str, name: &str) -> Result<(), MappingError> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(invalid(
            field,
            format!("{name:?} is not a Primero name (a-z, 0-9, _ and -)"),
        ))
    }
}

impl Mapping {
    /// Primero's standard GBV module.
    pub fn gbv() -> Mapping {
        let share = [
            (Service::Health, "health"),
            (Service::Psychosocial, "psychosocial"),
            (Service::Shelter, "safehouse"),
            (Service::Legal, "legal"),
            (Service::Police, "security"),
            (Service::ChildProtection, "protection"),
            (Service::Livelihood, "livelihoods"),
        ];
        Mapping {
            module_id: "primeromodule-gbv".into(),
            consent_for_services: "consent_for_services".into(),
            share_fields: share
                .into_iter()
                .map(|(s, suffix)| (s, format!("consent_to_share_info_by_{suffix}")))
                .collect(),
            services_subform: "action_plan_section".into(),
            service_type_field: "service_type".into(),
            service_types: standard_service_types(),
            sex: Some("sex".into()),
            consent_reporting: None,
            disclosure_other_orgs: None,
        }
    }

    /// Primero's standard CP module.
    pub fn cp() -> Mapping {
        Mapping {
            module_id: "primeromodule-cp".into(),
            consent_for_services: "consent_for_services".into(),
            share_fields: BTreeMap::new(),
            services_subform: "services_section".into(),
            service_type_field: "service_type".into(),
            service_types: standard_service_types(),
            sex: Some("sex".into()),
            consent_reporting: Some("consent_reporting".into()),
            disclosure_other_orgs: Some("disclosure_other_orgs".into()),
        }
    }

    /// Reads and checks a centre's mapping file.
    pub fn parse(text: &str) -> Result<Mapping, MappingError> {
        let m: Mapping =
            serde_json::from_str(text).map_err(|e| MappingError::NotJson(e.to_string()))?;
        m.check()?;
        Ok(m)
    }

    /// Checks every name.
    pub fn check(&self) -> Result<(), MappingError> {
        if !self.module_id.starts_with("primeromodule-") {
            return Err(invalid(
                "module_id",
                format!(
                    "{:?} does not name a Primero module (primeromodule-…)",
                    self.module_id
                ),
            ));
        }
        check_name("consent_for_services", &self.consent_for_services)?;
        check_name("services_subform", &self.services_subform)?;
        check_name("service_type_field", &self.service_type_field)?;
        for (s, f) in &self.share_fields {
            check_name(&format!("share_fields.{}", s.id()), f)?;
        }
        for (s, f) in &self.service_types {
            check_name(&format!("service_types.{}", s.id()), f)?;
        }
        for (name, f) in [
            ("sex", &self.sex),
            ("consent_reporting", &self.consent_reporting),
            ("disclosure_other_orgs", &self.disclosure_other_orgs),
        ] {
            if let Some(f) = f {
                check_name(name, f)?;
            }
        }
        Ok(())
    }
}

/// The standard `lookup-service-type` ids: seven of our services have one; social work has
/// none in the standard lookup (a centre that adds one maps it in its file).
fn standard_service_types() -> BTreeMap<Service, String> {
    [
        (Service::Health, "health_medical_service"),
        (Service::Psychosocial, "psychosocial_service"),
        (Service::Shelter, "safehouse_service"),
        (Service::Legal, "legal_assistance_service"),
        (Service::Police, "police_other_service"),
        (Service::Livelihood, "livelihoods_service"),
        (Service::ChildProtection, "child_protection_service"),
    ]
    .into_iter()
    .map(|(s, id)| (s, id.to_owned()))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_check_and_a_file_round_trips() {
        for m in [Mapping::gbv(), Mapping::cp()] {
            assert_eq!(m.check(), Ok(()));
            let text = serde_json::to_string(&m).expect("serialises");
            assert_eq!(Mapping::parse(&text), Ok(m));
        }
    }

    #[test]
    fn a_wrong_mapping_is_refused_with_its_field() {
        let mut m = Mapping::gbv();
        m.module_id = "gbv".into();
        assert!(
            matches!(m.check(), Err(MappingError::Invalid { field, .. }) if field == "module_id")
        );
        let mut m = Mapping::gbv();
        m.service_types
            .insert(Service::Health, "Health Service".into());
        assert!(
            matches!(m.check(), Err(MappingError::Invalid { field, .. }) if field == "service_types.health")
        );
        assert!(matches!(
            Mapping::parse(r#"{"module_id":"primeromodule-gbv","colour":"red"}"#),
            Err(MappingError::NotJson(_))
        ));
    }
}
