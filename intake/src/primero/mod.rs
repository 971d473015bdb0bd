//! Primero, as its API takes a case: a centre's mapping, the body built from her recorded
//! decisions with the flags staff ticked, a check of a body against Primero's own form and
//! lookup rules (Primero cannot run here; its rules are read from its source, `contract`, or
//! from a centre's instance, `instance`), and the journal of a push.
pub mod body;
pub mod case;
pub mod contract;
pub mod decisions_file;
pub mod flags;
pub mod instance;
pub mod journal;
pub mod mapping;
