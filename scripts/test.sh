#!/usr/bin/env bash
# Runs every test; stops at the first failing part and exits non-zero.
# One layer again: scripts/test.sh lint|native|web|e2e (no argument: all, in this order).
# `e2e` builds the release dist/ first.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s ==\n' "$*"; }

lint() {
  step "cargo fmt --check"
  cargo fmt --all --check
  step "clippy (native)"
  cargo clippy --offline --workspace --all-targets -- -D warnings
  step "clippy (app and the workers on wasm32)"
  cargo clippy --offline -p app -p sealer -p strength --target wasm32-unknown-unknown --all-targets -- -D warnings
}

native() {
  step "native tests (intake, handoff tool)"
  # The bench crates (floor app, probe, frames) have no tests of their own: not built here.
  # With the demo key (`intake/demo-key`), as the handoff tool the tests drive; the builds
  # without it are tested through `intake::pairing::DEMO_KEY_ALLOWED`'s `_in` functions and,
  # end to end, by the release build.
  cargo test --offline --workspace --exclude app --exclude floor --exclude probe --exclude frames --features intake/scan,intake/strength,intake/demo-key
  # The app's native tests: the screen rule (a reactive Owner, no browser) and the desk's labels.
  cargo test --offline -p app --test screen_rule --test desk_labels
}

web() {
  step "component tests (app, headless Chromium)"
  cargo test --offline -p app --target wasm32-unknown-unknown
}

e2e() {
  step "release build"
  scripts/dist.sh
  step "demo build (make run's, the only one that takes the demo key)"
  scripts/dist.sh --dev
  step "end-to-end tests (release build, Chromium)"
  cargo build --offline -q -p handoff-cli --features demo-key
  # The camera's test draws a code held far away with the benchmark's frames.
  cargo build --offline -q -p frames
  # The centre's staff key the tests use is made afresh at the desk by the first test.
  rm -rf "${CARGO_TARGET_DIR:-target}/e2e-centre-key"
  node --test --test-concurrency=1 tests/e2e/
}

case "${1:-all}" in
  lint) lint ;;
  native) native ;;
  web) web ;;
  e2e) e2e ;;
  all) lint; native; web; e2e ;;
  *) echo "usage: scripts/test.sh [lint|native|web|e2e]" >&2; exit 2 ;;
esac
