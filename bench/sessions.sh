#!/usr/bin/env bash
# Sessions benchmarks (issue 4): bench/sessions.sh throughput|footprint|isolation [args]
# Builds bench and what it needs, then runs org.luahost.bench.SessionsBench with
# the JVM options of ./luahost (bin/jvm.options) plus LUAHOST_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/find-jdk.sh"
luahost_find_jdk || { echo "needs a JDK 25" >&2; exit 1; }
cd "$root"
JAVA_HOME="$LUAHOST_JAVA_HOME" ./mvnw -B -q -o install -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl bench -am >/dev/null
cp="$(JAVA_HOME="$LUAHOST_JAVA_HOME" ./mvnw -B -q -o dependency:build-classpath -pl bench -Dmdep.outputFile=/dev/stdout)"
opts=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) ;; *) opts+=("$line") ;; esac
done < "$root/bin/jvm.options"
# shellcheck disable=SC2206
[ -n "${LUAHOST_JAVA_OPTS:-}" ] && opts+=(${LUAHOST_JAVA_OPTS})
exec "$LUAHOST_JAVA_HOME/bin/java" "${opts[@]}" -cp "bench/target/classes:$cp" org.luahost.bench.SessionsBench "$@"
