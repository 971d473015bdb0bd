//! Primero, as its API takes a case: a centre's mapping, the body built from her recorded
//! decisions, and a check of a body against Primero's own form and lookup rules (Primero
//! cannot run here; its rules are read from its source, `contract`).
pub mod body;
pub mod contract;
pub mod decisions_file;
pub mod mapping;
