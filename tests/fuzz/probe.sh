#!/usr/bin/env bash
# Standard-library probe, full matrix (issue 12): runs tests/corpus/conform_probe/mods/stdprobe.lua
# (every function of the standard libraries under pcall with argument lists drawn from 23 fixed values)
# on lua5.4 and on luahost in both tiers, each in an empty temporary folder, and diffs the outputs.
#
#   tests/fuzz/probe.sh [outdir]        PROBE_MAXARGS (3), PROBE_FULL2 (1: every pair), PROBE_SAMPLE
#                                       (200 three-argument lists per function), PROBE_LIBS ('"string","os"')
# Writes outdir/{ref,interp,jit}.{out,err} and outdir/{interp,jit}.diff; exits 1 when any differs.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d /tmp/stdprobe.XXXXXX)}"
mkdir -p "$out"
export PROBE_DRIVER="$here/tests/corpus/conform_probe/mods/stdprobe.lua"
export PROBE_MAXARGS="${PROBE_MAXARGS:-3}" PROBE_FULL2="${PROBE_FULL2:-1}" PROBE_SAMPLE="${PROBE_SAMPLE:-200}"
cat > "$out/run.lua" <<'LUA'
PROBE = {maxargs = tonumber(os.getenv("PROBE_MAXARGS")), full2 = os.getenv("PROBE_FULL2") == "1",
  sample = tonumber(os.getenv("PROBE_SAMPLE")), unsafe = true, all = os.getenv("PROBE_ALL") ~= "0",
  libs = os.getenv("PROBE_LIBS") and load("return {" .. os.getenv("PROBE_LIBS") .. "}")() or nil}
dofile(os.getenv("PROBE_DRIVER"))
LUA
run() { # name command...
  local dir; dir="$(mktemp -d /tmp/stdprobe-run.XXXXXX)"
  (cd "$dir" && env -u LUA_INIT -u LUA_INIT_5_4 -u LUA_PATH -u LUA_PATH_5_4 -u LUA_CPATH -u LUA_CPATH_5_4 \
     LC_ALL=C LANG=C TZ=UTC timeout 1200 "${@:2}" "$out/run.lua" </dev/null >"$out/$1.out" 2>"$out/$1.err")
  echo "$1: exit $?, $(wc -l <"$out/$1.out") lines"
  rm -rf "$dir"
}
run ref "${LUA:-lua5.4}"
LUAHOST_NO_BUILD=1 run interp "$here/luahost" lua
LUAHOST_NO_BUILD=1 LUAHOST_JAVA_OPTS="-Dluahost.jit=0" run jit "$here/luahost" lua
status=0
for t in interp jit; do
  sed -i 's/^lua: /lua5.4: /' "$out/$t.err"
  sed -i -E "s/0x[0-9a-f]+/ADDR/g" "$out/$t.out" "$out/ref.out"
  { diff "$out/ref.out" "$out/$t.out"; diff "$out/ref.err" "$out/$t.err"; } > "$out/$t.diff" || status=1
  echo "$t: $(grep -c '^<' "$out/$t.diff") reference lines differ ($out/$t.diff)"
done
exit $status
