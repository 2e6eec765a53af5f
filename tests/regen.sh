#!/usr/bin/env bash
# Regenerate (or check) the expected outputs of the differential test corpus.
#
#   tests/regen.sh                 regenerate expectations for every case
#   tests/regen.sh FILE.lua ...    regenerate only the given cases
#   tests/regen.sh --check [FILE.lua ...]
#                                  compare fresh reference output with the
#                                  committed files; exit 1 listing mismatches
#
# The reference interpreter is lua5.4 (override with LUA=/path/to/lua).
# Each case runs with its own folder as working directory, stdin from
# <name>.stdin if present (else /dev/null), in a fixed environment.
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$here/corpus"
lua="${LUA:-lua5.4}"
timeout_s="${REGEN_TIMEOUT:-20}"

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi

if ! command -v "$lua" >/dev/null 2>&1; then
  echo "regen.sh: reference interpreter '$lua' not found" >&2
  exit 2
fi

cases=()
all=1
if [ $# -gt 0 ]; then
  all=0
  for f in "$@"; do
    case "$f" in
      */mods/*) echo "regen.sh: skipping module file $f" >&2; continue ;;
      *.lua) ;;
      *) echo "regen.sh: not a .lua case: $f" >&2; exit 2 ;;
    esac
    [ -f "$f" ] || { echo "regen.sh: no such file: $f" >&2; exit 2; }
    cases+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
  done
else
  while IFS= read -r -d '' f; do
    cases+=("$f")
  done < <(find "$corpus" -type f -name '*.lua' -not -path '*/mods/*' -print0 | LC_ALL=C sort -z)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# run_case ABS_PATH -> fills $tmp/out $tmp/err $tmp/status
run_case() {
  local f="$1" dir name base stdin st
  dir="$(dirname "$f")"; name="$(basename "$f")"; base="${name%.lua}"
  stdin=/dev/null
  [ -f "$dir/$base.stdin" ] && stdin="$dir/$base.stdin"
  (
    cd "$dir" || exit 99
    exec env -u LUA_INIT -u LUA_INIT_5_4 -u LUA_PATH -u LUA_PATH_5_4 \
             -u LUA_CPATH -u LUA_CPATH_5_4 LC_ALL=C LANG=C TZ=UTC \
             timeout "$timeout_s" "$lua" "$name"
  ) <"$stdin" >"$tmp/out" 2>"$tmp/err"
  st=$?
  echo "$st" >"$tmp/status"
}

fail=0
n=0
for f in "${cases[@]}"; do
  n=$((n+1))
  dir="$(dirname "$f")"; base="${f%.lua}"
  rel="${f#"$corpus"/}"
  run_case "$f"
  st="$(cat "$tmp/status")"
  if [ "$check" = 1 ]; then
    bad=""
    cmp -s "$tmp/out" "$base.out" 2>/dev/null || bad="$bad out"
    if [ -s "$tmp/err" ]; then
      cmp -s "$tmp/err" "$base.err" 2>/dev/null || bad="$bad err"
    else
      [ -e "$base.err" ] && bad="$bad err"
    fi
    if [ "$st" != 0 ]; then
      [ "$(cat "$base.status" 2>/dev/null)" = "$st" ] || bad="$bad status"
    else
      [ -e "$base.status" ] && bad="$bad status"
    fi
    if [ -n "$bad" ]; then
      echo "MISMATCH $rel:$bad"
      fail=$((fail+1))
    fi
  else
    cp "$tmp/out" "$base.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
    if [ "$st" != 0 ]; then echo "$st" >"$base.status"; else rm -f "$base.status"; fi
  fi
done

# expectation files whose case no longer exists (only when scanning everything)
if [ "$all" = 1 ]; then
  while IFS= read -r -d '' e; do
    [ -f "${e%.*}.lua" ] && continue
    if [ "$check" = 1 ]; then
      echo "ORPHAN ${e#"$corpus"/} (no matching .lua)"
      fail=$((fail+1))
    else
      echo "regen.sh: warning: orphan expectation file ${e#"$corpus"/}" >&2
    fi
  done < <(find "$corpus" -type f \( -name '*.out' -o -name '*.err' -o -name '*.status' \) -not -path '*/mods/*' -print0 | LC_ALL=C sort -z)
fi

if [ "$check" = 1 ]; then
  if [ "$fail" -gt 0 ]; then
    echo "regen.sh --check: $fail problem(s) in $n cases" >&2
    exit 1
  fi
  echo "regen.sh --check: all $n cases match"
else
  echo "regen.sh: regenerated $n cases"
fi
