#!/usr/bin/env bash
# Compares line-hook events of generated multi-line shapes between lua5.4 and luahost (both tiers).
#   tests/fuzz/lines/cmp.sh SEED COUNT [MAXSTAT]    prints each differing case with both event lists
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$here/../../.."
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
lua5.4 "$here/shapes.lua" "$1" "$2" "${3:-3}" > "$tmp/cases.txt"
lua5.4 "$here/trace.lua" "$tmp/cases.txt" > "$tmp/ref.txt"
LUAHOST_NO_BUILD=1 "$root/luahost" lua "$here/trace.lua" "$tmp/cases.txt" > "$tmp/int.txt"
LUAHOST_NO_BUILD=1 LUAHOST_JAVA_OPTS=-Dluahost.jit=0 "$root/luahost" lua "$here/trace.lua" "$tmp/cases.txt" > "$tmp/jit.txt"
lua5.4 - "$tmp" <<'LUA'
local dir = arg[1]
local function lines(f) local t = {} for l in io.lines(f) do t[#t + 1] = l end return t end
local cases = {}
for c in io.open(dir .. "/cases.txt"):read("a"):gmatch("(.-)\n%-%-%-%-\n") do cases[#cases + 1] = c end
local ref, int, jit = lines(dir .. "/ref.txt"), lines(dir .. "/int.txt"), lines(dir .. "/jit.txt")
local bad = 0
for i = 1, #ref do
  if ref[i] ~= int[i] or ref[i] ~= jit[i] then
    bad = bad + 1
    print("== case " .. i); print(cases[i]); print("lua5.4: " .. ref[i]); print("interp: " .. tostring(int[i]))
    if jit[i] ~= int[i] then print("jit:    " .. tostring(jit[i])) end
  end
end
print(("%d of %d cases differ"):format(bad, #ref))
LUA
