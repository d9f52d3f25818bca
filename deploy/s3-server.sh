#!/usr/bin/env bash
# A local S3 server to try Bacalao's S3 inputs and publishers beside `./bacalao devstack` (docs/s3.md): S3Proxy's
# standalone jar (the server the tests use) on 127.0.0.1, buckets as folders under a data directory.
#
#   deploy/s3-server.sh [--port 9100] [--dir ./s3-data] [--bucket NAME]...
#
# The access key pair is $AWS_ACCESS_KEY_ID / $AWS_SECRET_ACCESS_KEY when set, else bacalao / bacalao-secret;
# start devstack with the same variables so its nodes (and only they) hold them. Runs in the foreground; Ctrl+C stops it.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
version=4.1.0
port=9100
dir="$PWD/s3-data"
buckets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --bucket) buckets+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "Error: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java" >/dev/null || { echo "Error: S3Proxy needs a JDK >= 17 (set JAVA_HOME)" >&2; exit 1; }

# The jar: the one the build copied for the tests, else Maven Central through Maven, kept in the user's cache.
jar="$here/system-tests/target/s3proxy/s3proxy.jar"
if [ ! -f "$jar" ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/bacalao"
  jar="$cache/s3proxy-$version-jar-with-dependencies.jar"
  if [ ! -f "$jar" ]; then
    command -v mvn >/dev/null || { echo "Error: fetching S3Proxy needs Maven (apt-get install -y maven)" >&2; exit 1; }
    echo "Fetching org.gaul:s3proxy:$version (55 MB) from Maven Central into $cache" >&2
    mvn -B -q dependency:copy -Dartifact="org.gaul:s3proxy:$version:jar:jar-with-dependencies" -DoutputDirectory="$cache" >&2
  fi
fi

access="${AWS_ACCESS_KEY_ID:-bacalao}"
secret="${AWS_SECRET_ACCESS_KEY:-bacalao-secret}"
mkdir -p "$dir/store"
for b in "${buckets[@]}"; do mkdir -p "$dir/store/$b"; done
conf="$dir/s3proxy.conf"
umask 077
cat > "$conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$access
s3proxy.credential=$secret
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$dir/store
CONF
cat >&2 <<MSG
S3 server on http://127.0.0.1:$port; buckets are the folders of $dir/store (put files there to add objects).
In another terminal:
  export AWS_ACCESS_KEY_ID=$access AWS_SECRET_ACCESS_KEY=<the secret> AWS_REGION=us-east-1
  ./bacalao devstack
and name the endpoint in jobs, e.g.
  ./bacalao docker run -i 'src=s3://BUCKET/data/*,dst=/inputs,opt=endpoint=http://127.0.0.1:$port' \\
      -p 's3://BUCKET/out/{jobID},opt=endpoint=http://127.0.0.1:$port' -o outputs:/outputs busybox -- ls /inputs
MSG
exec "$java" -Xmx256m -jar "$jar" --properties "$conf"
