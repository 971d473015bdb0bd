#!/usr/bin/env bash
# Every benchmark in one run, then BENCHMARKS.md's generated block is rewritten with the
# date, the commit and the results (bench/report.mjs). Figures are ratios against
# references measured in the same run. Takes about 15 minutes here.
# BENCH_QUICK=1 runs each part briefly (for trying the scripts, not for the record).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s ==\n' "$*"; }
out=bench-output
rm -rf "$out" && mkdir -p "$out"

if [ "${BENCH_QUICK:-}" = 1 ]; then
  export BENCH_RUNS=2 BENCH_SESSIONS=2 BENCH_QR_ROUNDS=1 BENCH_SOAK=300 BENCH_TRIAL_ROUNDS=2 BENCH_LIGHTHOUSE_RUNS=1
  FUZZ=20000
else
  FUZZ=1000000
fi

step "release build of the kiosk and staff pages"
scripts/dist.sh
step "the floor app and the probe, same profile"
trunk build --release --offline --dist target/bench/floor bench/floor/index.html >/dev/null 2>"$out/trunk.log" || { cat "$out/trunk.log" >&2; exit 1; }
trunk build --release --offline --dist target/bench/probe bench/probe/index.html >/dev/null 2>"$out/trunk.log" || { cat "$out/trunk.log" >&2; exit 1; }
esbuild node_modules/qrcode/lib/browser.js --bundle --format=iife --global-name=QRCode --minify --log-level=warning --outfile=target/bench/qrcode.js

node -e '
  const { execFileSync } = require("node:child_process");
  const run = (args) => JSON.parse(execFileSync("node", ["scripts/sizes.mjs", ...args, "--json"]).toString());
  const dist = run(["dist", "index.html:centre.json", "staff/index.html:centre.json", "sealer-worker.js:sealer.js,sealer_bg.wasm"]);
  const floor = run(["target/bench/floor", "index.html"]);
  const sizes = { kiosk: dist["index.html"], staff: dist["staff/index.html"], worker: dist["sealer-worker.js"], floor: floor["index.html"] };
  require("node:fs").writeFileSync("bench-output/sizes.json", JSON.stringify(sizes, null, 2));
  const env = { chromium: execFileSync("chromium", ["--version"]).toString().trim().split(" ")[1], cores: require("node:os").cpus().length };
  require("node:fs").writeFileSync("bench-output/env.json", JSON.stringify(env));
  console.log("sizes: kiosk", sizes.kiosk.total.brotli, "floor", sizes.floor.total.brotli, "brotli");
'

step "fuzzing: $FUZZ inputs each"
{
  cargo run --offline -q --profile fuzz -p intake --example fuzz_open -- "$FUZZ"
  cargo run --offline -q --profile fuzz -p intake --example fuzz_config -- "$FUZZ"
  cargo run --offline -q --profile fuzz -p intake --no-default-features --example fuzz_config -- "$FUZZ"
} | tee "$out/fuzz.txt"

step "start-up at 6x CPU throttle"
node bench/browser/startup.mjs
step "the next survivor: the exit page's return to ready, service worker on, 6x CPU throttle"
node bench/browser/next.mjs
step "Lighthouse's mobile profile: the kiosk against a static copy of its first screen"
node bench/browser/lighthouse.mjs
step "interaction at 6x CPU throttle"
node bench/browser/interaction.mjs
step "QR: making a code"
node bench/browser/qr.mjs
step "reading a code held to the camera: the frame set, the desk's decoder against zbarimg, jsqr and rqrr"
cargo build --offline -q --release -p frames
node bench/browser/frames.mjs
step "opening by trying keys: 3 staff keys × 50 and × 200 kiosks, 1× and 6× CPU"
node bench/browser/trial.mjs
step "unlocking the staff desk, 1× and 6× CPU"
# The same build of the tool as the tests and `make run` use (one binary in target/debug).
cargo build --offline -q -p handoff-cli --features demo-key
node bench/browser/unlock.mjs
step "soak"
node bench/browser/soak.mjs

step "BENCHMARKS.md"
node bench/report.mjs
