#!/usr/bin/env bash
# Long runs of the differential syntax fuzzer (issue 12): malformed chunks made from the Lua
# sources of tests/ go through `load` on lua5.4 and on luahost in both tiers, and the outcomes
# (a function, or the message byte for byte) are compared (cli test class
# org.luahost.cli.fuzz.SyntaxFuzz; tests/fuzz/README.md, "Malformed sources against lua5.4").
#
#   tests/fuzz/syntax-fuzz.sh SEED COUNT [OUTDIR] [BATCH] [TIERS]
#         COUNT cases from seed SEED on (BATCH a seed, default 5000; TIERS default interp,jit0),
#         divergences written to OUTDIR (default tests/fuzz/found-syntax/) as S-I.lua and
#         S-I.<tier>.txt; counts per divergence class after each seed
#   tests/fuzz/syntax-fuzz.sh --case SEED I [TIERS]    replays case I of seed SEED on all sides
#   tests/fuzz/syntax-fuzz.sh --print SEED I           prints its source
#
# FUZZ_NO_BUILD=1 skips the build. Exit status 0: no divergence outside tests/fuzz/syntax-known.txt.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root" || exit 1
. bin/find-jdk.sh
luahost_find_jdk || { echo "syntax-fuzz.sh: needs a JDK 25" >&2; exit 1; }
export JAVA_HOME="$LUAHOST_JAVA_HOME"
[ $# -ge 2 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  ./mvnw -B -q -o -pl cli -am package -DskipTests >/tmp/syntax-fuzz-build.$$.log 2>&1 ||
    { cat /tmp/syntax-fuzz-build.$$.log >&2; rm -f /tmp/syntax-fuzz-build.$$.log; exit 1; }
  rm -f /tmp/syntax-fuzz-build.$$.log
fi
cp="$root/cli/target/test-classes:$root/cli/target/classes:$root/cli/target/lib/*"
if [ "$1" = "--case" ] || [ "$1" = "--print" ]; then
  exec "$JAVA_HOME/bin/java" -cp "$cp" org.luahost.cli.fuzz.SyntaxFuzz "$root" "$@"
fi
out="${3:-$root/tests/fuzz/found-syntax}"
mkdir -p "$out"
# a long run works from its own copy of the classes: a build meanwhile (./test) empties cli/target/lib
snap="$out/.classes"
rm -rf "$snap" && mkdir -p "$snap" &&
  cp -r "$root/cli/target/test-classes" "$root/cli/target/classes" "$root/cli/target/lib" "$snap/" ||
  { echo "syntax-fuzz.sh: cannot copy the classes to $snap" >&2; exit 1; }
exec "$JAVA_HOME/bin/java" -cp "$snap/test-classes:$snap/classes:$snap/lib/*" \
  org.luahost.cli.fuzz.SyntaxFuzz "$root" "$out" "$1" "$2" "${4:-5000}" "${5:-interp,jit0}"
