#!/usr/bin/env bash
# Builds the test images offline, once per machine (cached by tag):
#   local/busybox:latest   FROM scratch + Debian's static busybox (all applets)
#   local/python3:bookworm a debootstrapped Debian with python3, imported with 'docker import'
#   hello-world:latest     local/busybox printing "Hello from Docker!" (Bacalhau's integration suite 6)
# It also tags them with the names Bacalhau's tutorials and integration suites use (ubuntu:latest,
# busybox:1.37.0, python:3.10-slim) so their examples run as written on a machine without a registry.
# These are stand-ins, not the real images.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docker_cli=/usr/bin/docker
[ -x "$docker_cli" ] || docker_cli=docker

if ! "$docker_cli" image inspect local/busybox:latest >/dev/null 2>&1; then
  ctx="$(mktemp -d)"
  cp /bin/busybox "$ctx/busybox"
  cp "$here/images/busybox/Dockerfile" "$ctx/Dockerfile"
  "$docker_cli" build -q -t local/busybox:latest "$ctx" >/dev/null
  rm -rf "$ctx"
fi
"$docker_cli" image inspect ubuntu:latest >/dev/null 2>&1 || "$docker_cli" tag local/busybox:latest ubuntu:latest
"$docker_cli" image inspect busybox:1.37.0 >/dev/null 2>&1 || "$docker_cli" tag local/busybox:latest busybox:1.37.0
if ! "$docker_cli" image inspect hello-world:latest >/dev/null 2>&1; then
  "$docker_cli" build -q -t hello-world:latest "$here/images/hello-world" >/dev/null
fi

if ! "$docker_cli" image inspect local/python3:bookworm >/dev/null 2>&1; then
  root="$(mktemp -d)"
  debootstrap --variant=minbase --include=python3 bookworm "$root" http://deb.debian.org/debian >/dev/null
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc "$root"/usr/share/man
  tar -C "$root" -c . | "$docker_cli" import -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' -c 'ENV LANG=C.UTF-8' \
      -c 'CMD ["python3"]' - local/python3:bookworm >/dev/null
  rm -rf "$root"
fi
"$docker_cli" image inspect python:3.10-slim >/dev/null 2>&1 || "$docker_cli" tag local/python3:bookworm python:3.10-slim
echo "Test images: local/busybox:latest (ubuntu:latest, busybox:1.37.0), local/python3:bookworm (python:3.10-slim), hello-world:latest"
