-- string.dump then load: the loaded function computes the same results
local function fib(n) if n < 2 then return n end local a, b = 0, 1 for _ = 2, n do a, b = b, a + b end return b end
local g = load(string.dump(fib), "fib", "b")
print(type(g), g(10), g(50), g(1))
local s = string.dump(fib)
print(s:sub(1, 4) == "\27Lua", type(s), #s > 4)
-- a dumped chunk is an ordinary string: it can be stored and compared
print(string.dump(fib) == s)
-- varargs, multiple results, nested closures, tables, methods, goto, integer/float
local function work(...)
  local n = select('#', ...)
  local t = {...}
  local acc = {}
  local function add(x) acc[#acc + 1] = tostring(x) end
  for i = 1, n do add(t[i]) end
  local obj = {v = 3}
  function obj:get(k) return self.v * k end
  add(obj:get(2))
  local i = 0
  ::top::
  i = i + 1
  if i < 3 then goto top end
  add(i)
  add(7 // 2) add(7 / 2) add(2^53) add(-0.0) add(math.maxinteger) add(0x10p-1) add(1e308 * 10)
  add(("x"):rep(3, ","))
  while true do i = i + 1 if i > 5 then break end end
  repeat local z = i; i = i - 1 until z < 4
  add(i)
  return table.concat(acc, " "), n, ...
end
local w = load(string.dump(work))
print(w(1, "two", nil, 4.5))
print(work(1, "two", nil, 4.5))
-- strings with every byte survive
local all = {} for b = 0, 255 do all[#all + 1] = string.char(b) end
local bytes = table.concat(all)
local f = load("return " .. string.format("%q", bytes))
local f2 = load(string.dump(f))
print(f2() == bytes, #f2())
-- a main chunk dumps too
local chunk = load("local a, b = ... return (a or 0) + (b or 0), select('#', ...)", "=chunk")
local c2 = load(string.dump(chunk))
print(c2(2, 3))
print(c2())
-- to-be-closed variables and integer for loops after a round trip
local function closer()
  local log = {}
  do
    local x <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
    log[#log + 1] = "body"
  end
  for k = 10, 1, -3 do log[#log + 1] = k end
  for k, v in ipairs({"a", "b"}) do log[#log + 1] = k .. v end
  return table.concat(log, ",")
end
print(load(string.dump(closer))())
-- stripped functions still run the same
print(load(string.dump(fib, true))(30), load(string.dump(work, true))(1, 2))
print(#string.dump(fib, true) < #string.dump(fib))
