#!/usr/bin/env bash
# Checks the golden sets of the VM's unit tests (vm/src/test/resources, see
# the README there) against the reference interpreter, as tests/regen.sh
# --check does for tests/corpus: every expectation there must be what lua5.4
# gives today. ./test runs this; exits 1 listing what differs.
#
#   tests/check-golden.sh      (LUA=/path/to/lua to use another reference)
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
res="$here/../vm/src/test/resources"
lua="${LUA:-lua5.4}"
if ! command -v "$lua" >/dev/null 2>&1; then
  echo "check-golden.sh: reference interpreter '$lua' not found" >&2
  exit 2
fi
status=0
sh "$res/libcases/regen.sh" --check || status=1
sh "$res/parser-errors/regen.sh" --check || status=1
# parser/big.lua is a program ParserTreeTest parses; the reference must accept and run it
if (cd "$res/parser" && "$lua" big.lua >/dev/null 2>&1); then
  echo "parser: big.lua loads and runs on $lua"
else
  echo "MISMATCH parser/big.lua: $lua does not run it"
  status=1
fi
exit "$status"
