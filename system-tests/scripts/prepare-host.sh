#!/usr/bin/env bash
# Makes this machine able to run the system tests: installs the Debian packages they use when missing.
# Runs from 'mvn verify' (system-tests, pre-integration-test) and is safe to run again: it only adds what is absent.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The system tests need: ${missing[*]}. Install them (sudo apt-get install -y ${missing[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} for the system tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "Test host ready."
