#!/usr/bin/env bash
# Builds the release dist/ and prints each first-load file's size: raw, gzip, brotli.
# `scripts/dist.sh --dev` builds the demo build `make run` serves instead, into
# target/dev-dist/: a development build with the `demo-key` feature, the only build that takes
# the shipped demo staff key (every other refuses it: intake::pairing::DEMO_KEY_ALLOWED).
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist
profile=(--release)
if [ "${1:-}" = --dev ]; then out=target/dev-dist; profile=(--features demo-key); fi
build() { trunk build "${profile[@]}" --offline "$@" >/dev/null 2>dist-build.log || { cat dist-build.log >&2; rm -f dist-build.log; exit 1; }; }
build --dist "$out"
# The staff desk is its own page and wasm, so the kiosk's first load carries none of it.
build --dist "$out/staff" --public-url /staff/ staff.html
rm -f dist-build.log
# The kiosk's setup page shares the staff wasm (it decides by its path).
mkdir -p "$out/setup"
sed 's|<title>Bàn tiếp đón</title>|<title>Cài đặt máy</title>|' "$out/staff/index.html" > "$out/setup/index.html"
# The kiosk's welcome screen drawn ahead into its page, from the build's centre.json: the same
# command a centre runs after changing it (the tool built as the tests and `make run` build it).
cargo build --offline -q -p handoff-cli --features demo-key
"${CARGO_TARGET_DIR:-target}/debug/handoff" apply-config "$out/centre.json" "$out" >/dev/null
node scripts/postbuild.mjs "$out"
[ "$out" = dist ] || exit 0
node scripts/sizes.mjs dist index.html:centre.json staff/index.html:centre.json
node scripts/sizes.mjs dist sealer-worker.js:sealer.js,sealer_bg.wasm | sed 's/^First load of sealer-worker.js/Fetched after the first screen: the sealing worker/'
node scripts/sizes.mjs dist staff/strength-worker.js:staff/strength.js,staff/strength_bg.wasm | sed 's/^First load of staff\/strength-worker.js/Fetched only when staff type their own passphrase: the strength worker/'
