#!/usr/bin/env bash
# Partnerfit developer entry point. Every command first installs what is
# missing (idempotent, quick when everything is there):
#   ./dev.sh serve   build and serve the app at http://127.0.0.1:8080
#   ./dev.sh test    every check and test CI runs
#   ./dev.sh build   release build into dist/
#   ./dev.sh bench   the benchmarks behind the budgets (native and browser)
#   ./dev.sh fuzz [SECONDS]  fuzz the shared-link decoder (nightly, cargo-fuzz)
#   ./dev.sh setup   only install the tools
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

TRUNK_VERSION=0.21.14
TOOLCHAIN=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

setup() {
  # Rust toolchain pinned in rust-toolchain.toml, with the wasm target.
  if ! rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1; then
    log "installing Rust $TOOLCHAIN"
    rustup toolchain install "$TOOLCHAIN" --profile minimal --component rustfmt,clippy
  fi
  local have
  have=$(rustup component list --toolchain "$TOOLCHAIN" --installed 2>/dev/null)
  for c in rustfmt clippy; do
    grep -q "^$c" <<<"$have" || rustup component add "$c" --toolchain "$TOOLCHAIN"
  done
  if ! rustup target list --toolchain "$TOOLCHAIN" --installed | grep -q wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown --toolchain "$TOOLCHAIN"
  fi

  # Trunk, pinned (0.22 needs a newer rustc).
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (takes a few minutes once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  # wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock.
  local wbg
  wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$wbg"; then
    log "installing wasm-bindgen-cli $wbg"
    cargo install wasm-bindgen-cli --version "$wbg" --locked || cargo install wasm-bindgen-cli --version "$wbg"
  fi

  # Headless Chromium and its driver from Debian.
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    log "installing chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi

  # Node tooling from the committed lock file: binaryen (a working wasm-opt),
  # playwright-core (no browser download) and axe-core (accessibility checks).
  if ! [ -x node_modules/.bin/wasm-opt ] || ! [ -d node_modules/playwright-core ] || ! [ -d node_modules/axe-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing node packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

use_tools() {
  export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  export CHROMEDRIVER=/usr/bin/chromedriver
}

build() {
  log "trunk build --release (the workbench, then the partner's page into dist/respond/)"
  # The workbench's build replaces dist/, so the partner's page comes second.
  trunk build --release
  trunk build --release=true --dist dist/respond web/respond/index.html
  # The service worker lists every file of both builds (offline after one visit).
  node web/hooks/service-worker.mjs dist
}

run_tests() {
  log "rustfmt"
  cargo fmt --all -- --check
  log "clippy (core, cli, ics, benches: native)"
  cargo clippy -p partnerfit-core -p partnerfit-cli -p partnerfit-ics -p partnerfit-benches --all-targets --locked -- -D warnings
  log "clippy (web app: wasm)"
  cargo clippy -p partnerfit --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
  log "native tests"
  cargo test -p partnerfit-core -p partnerfit-cli -p partnerfit-ics -p partnerfit-benches --locked
  log "browser tests (headless Chromium)"
  # The runner's default limit is 20 s for a whole test binary; tests/web.rs
  # takes about 17 s on a 2-core machine, so give it room.
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180} cargo test -p partnerfit --target wasm32-unknown-unknown --locked
  build
  log "end-to-end tests (headless Chromium against dist/)"
  node --test --test-concurrency=1 tests/e2e/
}

cmd=${1:-help}
case "$cmd" in
  setup) setup ;;
  # Served at the root: absolute asset URLs, so the SPA fallback also works
  # one directory down (the partner's respond/ page).
  serve) setup; use_tools; trunk serve --release=false --open=false --public-url / ;;
  build) setup; use_tools; build ;;
  test) setup; use_tools; run_tests ;;
  bench)
    setup; use_tools
    log "native benchmarks (divan)"
    cargo bench -p partnerfit-benches --locked
    log "the same account matching in pandas, for comparison"
    python3 -c "import pandas" 2>/dev/null || python3 -m pip install --quiet pandas
    cargo run --quiet --release -p partnerfit-benches --bin synthetic-workspace -- accounts 100000 target/ours100k.csv target/theirs100k.csv
    python3 benches/pandas/overlap.py target/ours100k.csv target/theirs100k.csv core/data/public_suffix_list.dat
    build
    log "browser benchmark"
    node tests/bench/browser-bench.mjs
    ;;
  fuzz)
    # ./dev.sh fuzz [envelope|workspace|csv] [seconds]: one target, its
    # corpus kept in fuzz/corpus/<target> (in the repository), seeded from
    # the hostile corpora under tests/hostile/.
    target="${2:-envelope}"
    rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
    command -v cargo-fuzz >/dev/null || cargo +nightly install cargo-fuzz --locked
    mkdir -p "fuzz/corpus/$target"
    case "$target" in
      envelope)
        cargo run --quiet -p partnerfit-cli -- invite core/src/demo_workspace.json --partner p-northwind \
          --site https://example.com/ --date 2026-11-25 -o target/fuzz-seed.json > fuzz/corpus/envelope/invitation.txt
        seeds=tests/hostile/links; max_len=8192 ;;
      workspace) seeds=tests/hostile/workspace-json; max_len=131072
        cp core/src/demo_workspace.json fuzz/corpus/workspace/demo.json ;;
      csv) seeds="tests/hostile/accounts-csv tests/hostile/deals-csv"; max_len=65536 ;;
      *) echo "no fuzz target $target (envelope, workspace, csv)"; exit 2 ;;
    esac
    # Seeds of at most max_len bytes (larger ones are tested by the table tests).
    for dir in $seeds; do
      find "$dir" -type f -size -"$max_len"c -exec cp {} "fuzz/corpus/$target/" \;
    done
    cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="${3:-60}" -max_len="$max_len" -print_final_stats=1
    ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
