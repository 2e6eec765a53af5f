#!/bin/sh
# Regenerates the expected outcomes of the parser tests from the reference
# interpreter (lua5.4): never edit the .txt files by hand.
#   expected.txt  - load() of every snippet in cases.lua (ParserErrorsTest)
#   numbers.txt   - tonumber() of every string in numbers.lua (NumberParserTest)
#   corpus.txt    - loadfile() of every .lua file under tests/corpus (ParserCorpusTest)
set -e
LUA=${LUA:-lua5.4}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
cd "$here"
"$LUA" gen.lua cases.lua > expected.txt
"$LUA" gen-numbers.lua numbers.lua > numbers.txt
cd "$root"
find tests/corpus -name '*.lua' | LC_ALL=C sort | "$LUA" "$here/gen-corpus.lua" > "$here/corpus.txt"
echo "regenerated: $(wc -l < "$here/expected.txt") snippets, $(wc -l < "$here/numbers.txt") numbers, $(wc -l < "$here/corpus.txt") corpus files"
