#!/usr/bin/env bash
# Compiles the WebAssembly test programs of this folder into OUT (default ../../../target/test-classes/wasm):
# *.c with clang for wasm32-wasi against Debian's wasi-libc, *.wat with wabt's wat2wasm. Only sources, never
# binaries, are kept in the repository. The toolchain comes from system-tests/scripts/prepare-host.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../../target/test-classes/wasm}"
mkdir -p "$out"
for tool in clang wat2wasm; do
  command -v "$tool" >/dev/null || {
    echo "$tool is missing: install clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt (system-tests/scripts/prepare-host.sh does)" >&2
    exit 1
  }
done
for c in "$here"/*.c; do
  name="$(basename "$c" .c)"
  [ "$out/$name.wasm" -nt "$c" ] || clang --target=wasm32-wasi --sysroot=/usr -O2 -o "$out/$name.wasm" "$c"
done
for w in "$here"/*.wat; do
  name="$(basename "$w" .wat)"
  [ "$out/$name.wasm" -nt "$w" ] || wat2wasm -o "$out/$name.wasm" "$w"
done
