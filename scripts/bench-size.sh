#!/usr/bin/env bash
# What sealing and the QR SVG cost, and where: the kiosk page's wasm carries none of it;
# the sealing worker (fetched after the first screen) carries all of it. One release
# build; prints raw, gzip -9 and brotli -11 of each.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-output/size
rm -rf "$out" && mkdir -p "$out"
trunk build --release --offline --dist "$out/dist" >/dev/null 2>&1
node scripts/sizes.mjs "$out/dist" index.html:centre.json sealer-worker.js:sealer.js,sealer_bg.wasm
