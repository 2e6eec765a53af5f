#!/usr/bin/env bash
# Runs the example's Main on the module path, as an application built on the luahost jars would start:
#   examples/embedding/run.sh        (after `./mvnw -f examples/embedding/pom.xml package`)
# On the module path the opening that luahost's carrier threads need names the module that uses it
# (org.luahost.coroutines), where the class path uses ALL-UNNAMED. Prints Main's output and exits non-zero
# unless it is the expected one (./test runs it).
set -uo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(ls "$here"/target/luahost-embedding-example-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc' | head -1)"
[ -n "$jar" ] || { echo "run.sh: build the example first (./mvnw -f examples/embedding/pom.xml package)" >&2; exit 1; }
out="$("$java" -Xss1g -Djdk.trackAllThreads=false \
        --add-opens=java.base/java.lang=org.luahost.coroutines \
        --enable-native-access=org.xerial.sqlitejdbc \
        -p "$jar:$here/target/lib" -m org.example.embedding/org.example.embedding.Main)" || { echo "$out"; echo "run.sh: Main failed" >&2; exit 1; }
echo "$out"
expected="hello, bob (2) from Lua 5.4
verticle: hello, cid (1)
verticle undeployed
javax.script: hello, dee (1)"
[ "$out" = "$expected" ] || { echo "run.sh: unexpected output (expected: $expected)" >&2; exit 1; }
