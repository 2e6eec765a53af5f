#!/usr/bin/env bash
# Runs library drivers (tests/libs/*.lua) under lua5.4 and ./luahost lua in
# both tiers (default, and -Dluahost.jit=0: every block compiled) and
# compares stdout, stderr and exit status. For hunting by hand; ./test runs
# the same comparison as cli's LibrariesTest.
#
#   tests/libs/compare.sh [DRIVER.lua ...]     (default: every driver)
#
# Each run has an empty temporary folder as working directory, LC_ALL=C,
# TZ=UTC and no LUA_* variables, as LibrariesTest runs them.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -gt 0 ] || set -- "$here"/*.lua
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
bad=0
run() {  # run OUTPREFIX CMD...
  local p="$1"; shift
  (cd "$work/cwd" && env -u LUA_INIT -u LUA_INIT_5_4 -u LUA_PATH -u LUA_PATH_5_4 -u LUA_CPATH -u LUA_CPATH_5_4 \
      LC_ALL=C LANG=C TZ=UTC timeout 120 "$@" </dev/null >"$p.out" 2>"$p.err"; echo $? >"$p.status")
  sed -i 's/^lua5\.4: /lua: /' "$p.err"
}
for f in "$@"; do
  f="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
  name="$(basename "$f" .lua)"
  rm -rf "$work/cwd"; mkdir "$work/cwd"; run "$work/ref" lua5.4 "$f"
  # lua5.4 seeds its string hashes per run, so pairs order changes from run to run:
  # a driver whose output depends on it shows here
  for k in 1 2 3; do
    rm -rf "$work/cwd"; mkdir "$work/cwd"; run "$work/again" lua5.4 "$f"
    if ! cmp -s "$work/ref.out" "$work/again.out" || ! cmp -s "$work/ref.err" "$work/again.err"; then
      echo "NONDETERMINISTIC $name: lua5.4 itself printed something else on another run:"
      diff "$work/ref.out" "$work/again.out" | head -6; bad=1; break
    fi
  done
  for tier in default jit0; do
    opts=""; [ "$tier" = jit0 ] && opts="-Dluahost.jit=0"
    rm -rf "$work/cwd"; mkdir "$work/cwd"
    LUAHOST_JAVA_OPTS="$opts" run "$work/got" "$root/luahost" lua "$f"
    ok=1
    for k in out err status; do
      if ! cmp -s "$work/ref.$k" "$work/got.$k"; then
        ok=0; echo "DIFF $name ($tier) $k:"; diff "$work/ref.$k" "$work/got.$k" | head -20
      fi
    done
    if grep -qE 'internal error|java\.|Exception|at org\.luahost' "$work/got.out" "$work/got.err" &&
       ! grep -qE 'internal error|java\.|Exception|at org\.luahost' "$work/ref.out" "$work/ref.err"; then
      ok=0; echo "INTERNAL $name ($tier)"
    fi
    [ $ok = 1 ] && echo "ok   $name ($tier) $(wc -l <"$work/ref.out") lines" || bad=1
  done
done
exit $bad
