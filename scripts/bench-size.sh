#!/usr/bin/env bash
# Measures what sealing and the QR SVG add to the kiosk's wasm: the release build with and
# without the `seal` feature, side by side in one run. Prints raw, gzip -9 and brotli -11.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-output/size
rm -rf "$out" && mkdir -p "$out"
trunk build --release --offline --dist "$out/with-seal" >/dev/null 2>&1
trunk build --release --offline --no-default-features --dist "$out/without-seal" >/dev/null 2>&1
node --input-type=module -e '
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
const dir = process.argv[1];
const wasm = (d) => readFileSync(`${dir}/${d}/` + readdirSync(`${dir}/${d}`).find((f) => f.endsWith(".wasm")));
const size = (b) => ({ raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
const a = size(wasm("with-seal")), b = size(wasm("without-seal"));
console.log("wasm           raw     gzip   brotli");
console.log(`with seal    ${String(a.raw).padStart(7)} ${String(a.gzip).padStart(8)} ${String(a.brotli).padStart(8)}`);
console.log(`without      ${String(b.raw).padStart(7)} ${String(b.gzip).padStart(8)} ${String(b.brotli).padStart(8)}`);
console.log(`seal + QR    ${String(a.raw - b.raw).padStart(7)} ${String(a.gzip - b.gzip).padStart(8)} ${String(a.brotli - b.brotli).padStart(8)}`);
' "$out"
