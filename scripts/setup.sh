#!/usr/bin/env bash
# Installs whatever the build and the tests need, and nothing that is already there.
# Uses only the package registries: rustup, crates.io, npm and Debian's apt.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# Debian packages: the browser and driver for tests, the independent QR decoder and PDF
# rasteriser the end-to-end tests check the kiosk's output with, and nginx.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v zbarimg >/dev/null || need_apt+=(zbar-tools)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
command -v brotli >/dev/null || need_apt+=(brotli)
# The web server whose configuration (deploy/nginx/) the end-to-end tests check.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need_apt+=(nginx-light)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The Rust toolchain named in rust-toolchain.toml, with the wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lockfile pins a crate the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --quiet
fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml pins a wasm_bindgen other than Cargo.lock's $WBG_VERSION" >&2
  exit 1
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION"
  cargo install trunk --locked --version "$TRUNK_VERSION" --quiet
fi

# wasm-opt (binaryen 132), Playwright and axe, from the committed lockfile.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Crates for offline builds.
cargo fetch --locked --quiet
