#!/bin/sh
# Regenerates the expected outcomes of the parser tests from the reference
# interpreter (lua5.4): never edit the .txt files by hand.
#   expected.txt       - load() of every snippet in cases.lua (ParserErrorsTest)
#   numbers.txt        - tonumber() of every string in numbers.lua (NumberParserTest)
#   corpus-errors.txt  - the .lua files under tests/corpus that lua5.4's loadfile
#                        rejects, with its message (ParserCorpusTest; every other
#                        file there must parse)
#   regen.sh --check   regenerates into a temporary folder and compares; exit 1
#                      listing the files that differ (./test runs this)
set -e
LUA=${LUA:-lua5.4}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
export LC_ALL=C LANG=C
out="$here"
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
cd "$here"
"$LUA" gen.lua cases.lua > "$out/expected.txt"
"$LUA" gen-numbers.lua numbers.lua > "$out/numbers.txt"
cd "$root"
find tests/corpus -name '*.lua' | LC_ALL=C sort | "$LUA" "$here/gen-corpus.lua" > "$out/corpus-errors.txt"
if [ "$out" != "$here" ]; then
  bad=0
  for name in expected.txt numbers.txt corpus-errors.txt; do
    if ! cmp -s "$out/$name" "$here/$name"; then
      echo "MISMATCH parser-errors/$name: differs from $LUA (run $here/regen.sh):"
      diff "$here/$name" "$out/$name" | grep '^[<>]' | head -5
      bad=1
    fi
  done
  [ "$bad" = 0 ] && echo "parser-errors: expected.txt, numbers.txt and corpus-errors.txt match $LUA"
  exit "$bad"
fi
echo "regenerated: $(wc -l < "$here/expected.txt") snippets, $(wc -l < "$here/numbers.txt") numbers, $(wc -l < "$here/corpus-errors.txt") corpus files rejected"
