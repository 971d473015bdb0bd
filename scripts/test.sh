#!/usr/bin/env bash
# Runs every test; stops at the first failing part and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s ==\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --offline --workspace --all-targets -- -D warnings
step "clippy (app and sealing worker on wasm32)"
cargo clippy --offline -p app -p sealer -p strength --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests (intake, handoff tool)"
# The bench crates (floor app, probe) have no tests of their own: not built here.
cargo test --offline --workspace --exclude app --exclude floor --exclude probe --features intake/scan,intake/strength

step "component tests (app, headless Chromium)"
cargo test --offline -p app --target wasm32-unknown-unknown

step "release build"
scripts/dist.sh

step "end-to-end tests (release build, Chromium)"
cargo build --offline -q -p handoff-cli
node --test --test-concurrency=1 tests/e2e/
