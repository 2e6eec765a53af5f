#!/bin/sh
# Regenerates the expected results of the library unit tests (LibCasesTest,
# StringLibCasesTest) from the reference interpreter (lua5.4): never edit the
# .cases files by hand. Run from anywhere; writes *.cases here.
#   regen.sh           regenerate every .cases file
#   regen.sh --check   regenerate into a temporary folder and compare; exit 1
#                      listing the files that differ (./test runs this)
set -e
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export LC_ALL=C LANG=C
lua="${LUA:-lua5.4}"
check=0
[ "${1:-}" = "--check" ] && check=1
out="$here"
if [ "$check" = 1 ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

# cases file, time zone, case script
while read -r cases tz script; do
  TZ="$tz" "$lua" gen.lua "$script" > "$out/$cases"
done <<LIST
math.cases UTC math.lua
table.cases UTC table.lua
utf8.cases UTC utf8.lua
string.cases UTC string.lua
format.cases UTC format.lua
os_utc.cases UTC os.lua
os_newyork.cases America/New_York os.lua
os_paris.cases Europe/Paris os.lua
LIST

if [ "$check" = 1 ]; then
  bad=0
  for f in "$out"/*.cases; do
    name=$(basename "$f")
    if ! cmp -s "$f" "$here/$name"; then
      echo "MISMATCH libcases/$name: $(diff "$here/$name" "$f" | grep -c '^[<>]') lines differ from $lua (run $here/regen.sh)"
      bad=1
    fi
  done
  [ "$bad" = 0 ] && echo "libcases: $(ls "$out"/*.cases | wc -l) case files match $lua"
  exit "$bad"
fi
wc -l *.cases
