#!/usr/bin/env bash
# Long runs of the load fuzzer (issue 13): mutated corpus sources and mutated
# string.dump output through `load` (cli test class org.luahost.cli.fuzz.LoadFuzz).
#
#   tests/fuzz/load-fuzz.sh SEED COUNT [OUTDIR]   COUNT cases from seed SEED on (10,000 a seed),
#                                                 findings written to OUTDIR (default tests/fuzz/found-load/)
#   tests/fuzz/load-fuzz.sh --case SEED I         replays case I of seed SEED (prints ok or the problem)
#
# FUZZ_NO_BUILD=1 skips the build. Exit status 0: no finding.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root" || exit 1
. bin/find-jdk.sh
luahost_find_jdk || { echo "load-fuzz.sh: needs a JDK 25" >&2; exit 1; }
export JAVA_HOME="$LUAHOST_JAVA_HOME"
[ $# -ge 2 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  ./mvnw -B -q -o -pl cli -am package -DskipTests >/tmp/load-fuzz-build.$$.log 2>&1 ||
    { cat /tmp/load-fuzz-build.$$.log >&2; rm -f /tmp/load-fuzz-build.$$.log; exit 1; }
  rm -f /tmp/load-fuzz-build.$$.log
fi
cp="$root/cli/target/test-classes:$root/cli/target/classes:$root/cli/target/lib/*"
if [ "$1" = "--case" ]; then
  exec "$JAVA_HOME/bin/java" -Xss512m -cp "$cp" org.luahost.cli.fuzz.LoadFuzz "$root" --case "$2" "$3"
fi
out="${3:-$root/tests/fuzz/found-load}"
# a long run works from its own copy of the classes: a build meanwhile (./test) empties cli/target/lib
snap="$out/.classes"
rm -rf "$snap" && mkdir -p "$snap" &&
  cp -r "$root/cli/target/test-classes" "$root/cli/target/classes" "$root/cli/target/lib" "$snap/" ||
  { echo "load-fuzz.sh: cannot copy the classes to $snap" >&2; exit 1; }
exec "$JAVA_HOME/bin/java" -Xss512m -cp "$snap/test-classes:$snap/classes:$snap/lib/*" \
  org.luahost.cli.fuzz.LoadFuzz "$root" "$out" "$1" "$2"
