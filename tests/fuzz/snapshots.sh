#!/usr/bin/env bash
# Long hunts for snapshot restore bugs (issue 13, "Fuzzing in the test suite").
#
#   tests/fuzz/snapshots.sh SEED COUNT [OUTDIR]
#       restores COUNT seeded mutants of real snapshots (SnapshotFuzz in
#       persistence/src/test/java/org/luahost/persistence/codec): bit flips,
#       random bytes, truncations, deleted/inserted/repeated ranges, length and
#       count fields set huge or negative, swapped tags, splices; most sealed
#       again with a fresh checksum. Every mutant must be restored or refused
#       as corrupt; any other exception, error or a restore over 5 s is a
#       failure, written to OUTDIR (default tests/fuzz/found-snapshots) as
#       SEED-CASE.snap. Exit status 1 if there was one.
#   tests/fuzz/snapshots.sh --replay FILE
#       restores one saved mutant (the exception shows with its stack trace).
#
# ./test runs a bounded batch (SnapshotFuzzTest: seed 1, 10,000 mutants).
# Builds the persistence module and its test classes first (reactor build).
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root" || exit 1
# shellcheck source=bin/find-jdk.sh
. bin/find-jdk.sh
luahost_find_jdk || { echo "snapshots.sh: needs a JDK 25" >&2; exit 1; }
export JAVA_HOME="$LUAHOST_JAVA_HOME"
if [ $# -lt 2 ]; then
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  ./mvnw -B -q -o -pl persistence -am test-compile >/tmp/snapfuzz-build.$$.log 2>&1 ||
    { cat /tmp/snapfuzz-build.$$.log >&2; rm -f /tmp/snapfuzz-build.$$.log; exit 1; }
  rm -f /tmp/snapfuzz-build.$$.log
fi
# a hunt runs from its own copy of the classes: a build meanwhile would replace them
snap="$(mktemp -d /tmp/snapfuzz-classes.XXXXXX)"
trap 'rm -rf "$snap"' EXIT
cp -r vm/target/classes "$snap/vm" && cp -r persistence/target/classes "$snap/persistence" &&
  cp -r persistence/target/test-classes "$snap/tests" ||
  { echo "snapshots.sh: cannot copy the classes" >&2; exit 1; }
"$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC -cp "$snap/vm:$snap/persistence:$snap/tests" \
  org.luahost.persistence.codec.SnapshotFuzz "$@"
