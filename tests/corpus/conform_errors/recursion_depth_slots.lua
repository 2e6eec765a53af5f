-- lua5.4's "stack overflow" comes at LUAI_MAXSTACK, 1,000,000 stack slots, not
-- at a number of frames: how deep a recursion may go depends on the slots each
-- level uses (the called function's register in its caller, plus one). Found by
-- tests/libs hunting: dkjson decodes 100,000 nested arrays here but overflows
-- in lua5.4, and a 250,000-level recursion that lua5.4 runs fails here
-- (luahost stops at 200,000 frames; tests/known-failures.txt).
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print("2 slots a level, 250000 levels", pcall(depth, 250000))
local c = 0
local function f() c = c + 1 f() end
print("1 slot a level", pcall(f))
print("more than 900000 levels", c > 900000)
local function g(n)
  local a, b, d, e, h, i, j, k, l, m = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  if n == 0 then return a end
  return b + g(n - 1)
end
print("12 slots a level, 150000 levels", pcall(g, 150000))
