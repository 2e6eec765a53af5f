-- 'return f()' inside a generic for is not a tail call: the loop's closing
-- value is closed after f runs, and the for's frame stays on the stack.
local closed = 0
local function iter(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil,
         setmetatable({}, {__close = function() closed = closed + 1 end})
end
local function check(x) return closed, x end
local function f(n)
  for i in iter(n) do return check(i) end
end
local function g()   -- no closing value: still not a tail call in the reference
  for i in ipairs({1}) do return debug.traceback("tb", 1) end
end
local function h(x) return x end
local function plain()
  for _ in pairs({1}) do return h(select('#', debug.getinfo(2, "n"))) end
end
for round = 1, 1500 do
  closed = 0
  local c, x = f(3)
  assert(c == 0 and x == 1 and closed == 1, "round " .. round)
  assert(plain() == 1)
end
print(f(2))
print(closed)
print((g():gsub("\n[^\n]*%[C%][^\n]*", "")))
