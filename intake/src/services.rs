//! The service catalogue: stable ids used in the QR, exports and the centre configuration.

use serde::{Deserialize, Serialize};

/// One service a survivor can ask for. The order is the order on screen and the bit in the QR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Health,
    Psychosocial,
    Shelter,
    Legal,
    Police,
    SocialWork,
    Livelihood,
    ChildProtection,
}

impl Service {
    /// Every service, in catalogue order.
    pub const ALL: [Service; 8] = [
        Service::Health,
        Service::Psychosocial,
        Service::Shelter,
        Service::Legal,
        Service::Police,
        Service::SocialWork,
        Service::Livelihood,
        Service::ChildProtection,
    ];

    /// The stable id used in configuration files and exports.
    pub fn id(self) -> &'static str {
        match self {
            Service::Health => "health",
            Service::Psychosocial => "psychosocial",
            Service::Shelter => "shelter",
            Service::Legal => "legal",
            Service::Police => "police",
            Service::SocialWork => "social_work",
            Service::Livelihood => "livelihood",
            Service::ChildProtection => "child_protection",
        }
    }

    /// Looks a service up by its stable id.
    pub fn from_id(id: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Primero's service type, where Primero has one.
    pub fn primero_type(self) -> &'static str {
        match self {
            Service::Health => "health_medical_service",
            Service::Psychosocial => "psychosocial_service",
            Service::Shelter => "safehouse_service",
            Service::Legal => "legal_assistance_service",
            Service::Police => "police_other_service",
            Service::SocialWork => "case_management_service",
            Service::Livelihood => "livelihoods_service",
            Service::ChildProtection => "child_protection_service",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

// A set of services is one byte in a code.
const _: () = assert!(Service::ALL.len() <= 8);

/// A set of services, stored as bits so that it is small in the QR: one byte, read back
/// only when every bit is a service of the catalogue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct ServiceSet(u16);

impl TryFrom<u8> for ServiceSet {
    type Error = &'static str;
    fn try_from(bits: u8) -> Result<Self, Self::Error> {
        ServiceSet::from_bits(u16::from(bits)).ok_or("a bit outside the service catalogue")
    }
}

impl From<ServiceSet> for u8 {
    fn from(set: ServiceSet) -> u8 {
        // Eight services: every valid set fits in a byte (`VALID` below).
        (set.0 & 0xff) as u8
    }
}

impl ServiceSet {
    /// The empty set.
    pub const EMPTY: ServiceSet = ServiceSet(0);
    const VALID: u16 = (1 << Service::ALL.len()) - 1;

    /// Builds a set from services.
    pub fn of(services: impl IntoIterator<Item = Service>) -> ServiceSet {
        services
            .into_iter()
            .fold(ServiceSet::EMPTY, |set, s| set.with(s))
    }

    /// Builds a set from raw bits, refusing bits that name no service.
    pub fn from_bits(bits: u16) -> Option<ServiceSet> {
        (bits & !Self::VALID == 0).then_some(ServiceSet(bits))
    }

    /// The raw bits.
    pub fn bits(self) -> u16 {
        self.0
    }

    /// Whether the set holds `service`.
    pub fn contains(self, service: Service) -> bool {
        self.0 & service.bit() != 0
    }

    /// This set with `service` added.
    pub fn with(self, service: Service) -> ServiceSet {
        ServiceSet(self.0 | service.bit())
    }

    /// This set with `service` removed.
    pub fn without(self, service: Service) -> ServiceSet {
        ServiceSet(self.0 & !service.bit())
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The services in catalogue order.
    pub fn iter(self) -> impl Iterator<Item = Service> {
        Service::ALL.into_iter().filter(move |s| self.contains(*s))
    }

    /// The services in either set.
    pub fn union(self, other: ServiceSet) -> ServiceSet {
        ServiceSet(self.0 | other.0)
    }

    /// The services in both sets.
    pub fn intersect(self, other: ServiceSet) -> ServiceSet {
        ServiceSet(self.0 & other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_names_its_own_service() {
        for s in Service::ALL {
            assert_eq!(Service::from_id(s.id()), Some(s));
        }
        assert_eq!(Service::from_id("massage"), None);
    }

    #[test]
    fn bits_outside_the_catalogue_are_refused() {
        assert!(ServiceSet::from_bits(0x00ff).is_some());
        assert!(ServiceSet::from_bits(0x0100).is_none());
    }
}
