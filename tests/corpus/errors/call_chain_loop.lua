-- A __call chain that comes back to a value it passed never finds a function:
-- the reference grows its stack by one argument per step until "stack overflow"
-- (the big argument list fills the stack first, so lua5.4 gets there quickly).
local t = setmetatable({}, {}); getmetatable(t).__call = t
local big = {}
for i = 1, 999950 do big[i] = i end
print(pcall(function() return t(table.unpack(big)) end))
print(pcall(function() local x = t(table.unpack(big)) return x end))
-- a two-value loop
local a, b = setmetatable({}, {}), setmetatable({}, {})
getmetatable(a).__call = b; getmetatable(b).__call = a
print(pcall(function() return a(table.unpack(big)) end))
print(pcall(function() local x = b(table.unpack(big)) return x end))

-- finite chains pass every value before the arguments, innermost first
local function fn(...) return select('#', ...), ... end
local c3 = setmetatable({name = "c3"}, {__call = fn})
local c2 = setmetatable({name = "c2"}, {__call = c3})
local c1 = setmetatable({name = "c1"}, {__call = c2})
local function names(n, ...)
  local out = {n}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    out[#out + 1] = type(v) == "table" and v.name or tostring(v)
  end
  return table.concat(out, " ")
end
print(names(c1(1, 2)))
print(names((function() return c1("x") end)()))
print(names(c2()))

-- a long finite chain: no limit but the stack
local head = setmetatable({}, {__call = function(...) return select('#', ...) end})
for _ = 1, 3000 do head = setmetatable({}, {__call = head}) end
print(head(1, 2, 3))
print((function() return head() end)())
-- not callable at the end of a chain
local bad = setmetatable({}, {__call = setmetatable({}, {__call = 42})})
print(pcall(bad))
print(pcall(function() return bad() end))
print(pcall(function() local x = bad() return x end))
