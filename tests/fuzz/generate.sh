#!/usr/bin/env bash
# Long hunts with the random program generator (issue 12, yardstick 1).
#
#   tests/fuzz/generate.sh SEED COUNT [OUTDIR] [BATCH] [OFF]
#       runs COUNT generated programs, seeds SEED, SEED+1, ... with BATCH
#       programs each (default 1000), on lua5.4 and on luahost in both tiers;
#       every divergence is written to OUTDIR (default tests/fuzz/found) as a
#       standalone .lua file with .expected and .<tier>.actual beside it.
#       OFF: comma-separated generator features to leave out.
#   tests/fuzz/generate.sh --print SEED I
#       prints program I of SEED (as the runs generate it).
#   tests/fuzz/generate.sh --verify-ref SEED COUNT [OUTDIR]
#       checks that lua5.4 running COUNT programs of SEED in one process (tests/fuzz/refbatch.lua,
#       what the runs do) prints what separate runs print.
#
# Builds the cli module and its test classes first (reactor build, no install).
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root" || exit 1
# shellcheck source=bin/find-jdk.sh
. bin/find-jdk.sh
luahost_find_jdk || { echo "generate.sh: needs a JDK 25" >&2; exit 1; }
export JAVA_HOME="$LUAHOST_JAVA_HOME"
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  ./mvnw -B -q -o -pl cli -am package -DskipTests >/tmp/fuzz-build.$$.log 2>&1 ||
    { cat /tmp/fuzz-build.$$.log >&2; rm -f /tmp/fuzz-build.$$.log; exit 1; }
  rm -f /tmp/fuzz-build.$$.log
fi
cp="$root/cli/target/test-classes:$root/cli/target/classes:$root/cli/target/lib/*"
if [ "${1:-}" = "--verify-ref" ]; then
  exec "$JAVA_HOME/bin/java" -cp "$cp" org.luahost.cli.fuzz.FuzzMain "$root" --verify-ref "$2" "$3" "${4:-$root/tests/fuzz/found}"
fi
if [ "${1:-}" != "--print" ] && [ $# -ge 2 ]; then
  # a long hunt runs from its own copy of the classes: a build meanwhile (./test) empties cli/target/lib
  snap="${3:-$root/tests/fuzz/found}/.classes"
  rm -rf "$snap" && mkdir -p "$snap" &&
    cp -r "$root/cli/target/test-classes" "$root/cli/target/classes" "$root/cli/target/lib" "$snap/" ||
    { echo "generate.sh: cannot copy the classes to $snap" >&2; exit 1; }
  cp="$snap/test-classes:$snap/classes:$snap/lib/*"
fi
opts=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) ;; *) opts+=("$line") ;; esac
done < bin/jvm.options
if [ "${1:-}" = "--print" ]; then
  exec "$JAVA_HOME/bin/java" -cp "$cp" org.luahost.cli.fuzz.FuzzMain "$root" --print "$2" "$3" ${4:+"$4"}
fi
[ $# -ge 2 ] || { sed -n '2,17p' "$0" >&2; exit 2; }
out="${3:-$root/tests/fuzz/found}"
# FUZZ_TIMEOUT: seconds a luahost tier may spend on one program (default 60; more at nice 19 on a busy machine)
# FUZZ_JVM: the luahost worker JVMs' options beyond bin/jvm.options (default -XX:TieredStopAtLevel=1; TierWorkers)
exec "$JAVA_HOME/bin/java" "${opts[@]}" ${FUZZ_TIMEOUT:+-Dfuzz.timeout=$FUZZ_TIMEOUT} ${FUZZ_JVM+"-Dfuzz.jvm=$FUZZ_JVM"} -cp "$cp" org.luahost.cli.fuzz.FuzzMain "$root" "$out" "$1" "$2" "${4:-1000}" "${5:-}"
