//! The kiosk's domain, free of any web dependency: the service catalogue, the survivor's
//! answers, and the sealed handoff that carries them to the staff desk.
pub mod answers;
pub mod catalogue;
pub mod clock;
pub mod config;
pub mod desk;
pub mod display;
pub mod flow;
pub mod handoff;
pub mod idle;
mod json;
pub mod pairing;
pub mod primero;
pub mod progress;
#[cfg(feature = "scan")]
pub mod scan;
pub mod services;
pub mod two;

pub use answers::{
    AgeBand, Answers, Children, LangTag, Question, Reply, Sex, Sharing, UrgentReason, Wish,
};
pub use services::{Service, ServiceSet};
