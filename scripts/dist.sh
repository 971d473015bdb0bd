#!/usr/bin/env bash
# Builds the release dist/ and prints each first-load file's size: raw, gzip, brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release --offline >/dev/null 2>dist-build.log || { cat dist-build.log >&2; rm -f dist-build.log; exit 1; }
# The staff desk is its own page and wasm, so the kiosk's first load carries none of it.
trunk build --release --offline --dist dist/staff --public-url /staff/ staff.html >/dev/null 2>dist-build.log || { cat dist-build.log >&2; rm -f dist-build.log; exit 1; }
rm -f dist-build.log
# The kiosk's setup page shares the staff wasm (it decides by its path).
mkdir -p dist/setup
sed 's|<title>Bàn tiếp đón</title>|<title>Cài đặt máy</title>|' dist/staff/index.html > dist/setup/index.html
node scripts/postbuild.mjs dist
node scripts/sizes.mjs dist index.html:centre.json staff/index.html:centre.json
node scripts/sizes.mjs dist sealer-worker.js:sealer.js,sealer_bg.wasm | sed 's/^First load of sealer-worker.js/Fetched after the first screen: the sealing worker/'
node scripts/sizes.mjs dist staff/strength-worker.js:staff/strength.js,staff/strength_bg.wasm | sed 's/^First load of staff\/strength-worker.js/Fetched only when staff type their own passphrase: the strength worker/'
