#!/usr/bin/env bash
# Makes this machine able to run the tests: installs the Debian packages they use when missing (incl. the wasm
# toolchain for the WebAssembly test programs), starts a Docker
# engine when none answers, builds the offline test images (there is no image registry here) and installs the
# test IPFS node (system-tests/ipfs-node, from its committed package-lock.json).
# Runs from 'mvn verify' before the tests and is safe to run again: it only adds what is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
[ -x /usr/sbin/dockerd ] || command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx wget || missing+=(busybox-static)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
# the WebAssembly test programs (compute-ejb/ejb/src/test/wasm): C for wasm32-wasi and WAT
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v wasm-ld >/dev/null 2>&1 || missing+=(lld)
[ -f /usr/include/wasm32-wasi/stdio.h ] || missing+=(wasi-libc)
ls /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 || missing+=(libclang-rt-14-dev-wasm32)
command -v wat2wasm >/dev/null 2>&1 || missing+=(wabt)
# the test IPFS node's packages come from the npm registry (system-tests/ipfs-node/install.sh)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# the web UI's browser tests (WebUiIT): headless Chromium driven by Selenium through chromedriver
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need: ${missing[*]}. Install them (sudo apt-get install -y ${missing[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} for the tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

docker_cli=/usr/bin/docker
[ -x "$docker_cli" ] || docker_cli=docker
if ! "$docker_cli" info >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "No Docker engine answers and starting one needs root." >&2; exit 1; }
  echo "Starting dockerd..."
  nohup "$(command -v dockerd || echo /usr/sbin/dockerd)" >/var/log/bacalao-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do "$docker_cli" info >/dev/null 2>&1 && break; sleep 1; done
  "$docker_cli" info >/dev/null 2>&1 || { echo "dockerd did not start; see /var/log/bacalao-dockerd.log" >&2; exit 1; }
fi

"$here/build-test-images.sh"
"$here/../ipfs-node/install.sh"
echo "Test host ready."
