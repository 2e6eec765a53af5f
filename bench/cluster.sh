#!/usr/bin/env bash
# Cluster benchmark (issue 17): bench/cluster.sh [seconds] [concurrency]
# Calls that stay on their node vs calls that cross nodes, three clustered hosts
# in one JVM (org.luahost.bench.ClusterBench). Builds the CLI (./luahost) and
# the bench module in the reactor (nothing is installed), then runs with the
# JVM options of bin/jvm.options and the CLI's run-time class path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/find-jdk.sh"
luahost_find_jdk || { echo "needs a JDK 25" >&2; exit 1; }
cd "$root"
./luahost lua -e '' >/dev/null   # builds cli/target (its class path file) when stale
JAVA_HOME="$LUAHOST_JAVA_HOME" ./mvnw -B -q -o compile -pl bench -am >/dev/null
opts=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) ;; *) opts+=("$line") ;; esac
done < "$root/bin/jvm.options"
exec "$LUAHOST_JAVA_HOME/bin/java" "${opts[@]}" -cp "bench/target/classes:$(cat cli/target/luahost.classpath)" \
  org.luahost.bench.ClusterBench "$@"
