-- varargs.lua: variadic functions.
-- Stresses: ... passed through several levels, select('#', ...) and select(i, ...),
-- table.pack/table.unpack, {...}, multiple returns adjusted into calls and table
-- constructors, functions returning several values.
-- Size parameter (arg[1]): number of iterations.
local N = tonumber(arg and arg[1]) or 800000
local M = 2147483647

local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if v then s = s + v end
  end
  return s
end

local function sum_packed(...)
  local t = table.pack(...)
  local s = 0
  for i = 1, t.n do s = s + (t[i] or 0) end
  return s
end

local function sum_table(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s
end

local function forward(f, ...) return f(...) end
local function twice(...) return forward(sum, ...), forward(sum_packed, ...) end
local function multi(a, b, c) return c, b, a, a + b + c end
local function count(...) return select('#', ...) end
local function tail(_, ...) return ... end
local function last(...)
  local n = select('#', ...)
  if n == 0 then return nil end
  return (select(n, ...))
end

local acc = 0
for i = 1, N do
  local a, b, c = i % 13, i % 7, i % 5
  local x, y = twice(a, b, c, 1, 2)
  local z = sum_table(multi(a, b, c))
  local t = {multi(a, b, c)}
  local u = sum(table.unpack(t))
  local n = count(tail(multi(a, b, c))) + count(nil, nil) + count()
  local l = last(a, b, c, i)
  local w = sum(tail(table.unpack(t, 1, 3)))
  acc = (acc + x + y + z + u + n + l + w) % M
end
print(string.format("varargs: %d iterations, checksum %d", N, acc))
