# The two commands a newcomer needs: `make run` and `make test`. Each installs what is missing.
SHELL := /bin/bash
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_OFFLINE := true

.PHONY: setup run test dist fuzz bench

setup:
	@scripts/setup.sh

## Serve the kiosk, its setup page and the staff desk on http://127.0.0.1:8080 (PORT to
## change it): a demo build (the only one that takes the demo staff key), the three
## addresses and the demo staff key's backup printed.
run: setup
	cargo build --offline -q -p handoff-cli --features demo-key
	scripts/dist.sh --dev
	node scripts/run.mjs

## Every test: lint, native, browser components, release build, end to end.
test: setup
	scripts/test.sh

## Release build with first-load sizes (raw, gzip, brotli).
dist: setup
	scripts/dist.sh

## Fuzzing: the handoff decoder and the configuration parser, read both ways (1,000,000 inputs each).
fuzz: setup
	cargo run --offline -q --profile fuzz -p intake --example fuzz_open -- 1000000
	cargo run --offline -q --profile fuzz -p intake --example fuzz_config -- 1000000
	cargo run --offline -q --profile fuzz -p intake --no-default-features --example fuzz_config -- 1000000

## Every benchmark side by side (sizes, start-up, taps, QR, soak, fuzzing); rewrites BENCHMARKS.md.
bench: setup
	scripts/bench.sh

