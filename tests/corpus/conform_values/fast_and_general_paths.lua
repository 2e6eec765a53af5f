-- Library functions that have an allocation-free path for one-result calls
-- (math.abs/ceil/floor/sqrt/exp/sin/cos/tan/max/min, type, tonumber, rawget,
-- select, string.byte/char/len/lower/upper/sub) give the same results, NaN
-- signs and -0.0 included, however they are called: a one-result call once,
-- the same call in a hot loop (compiled by the second tier), through pcall,
-- with all results kept, and with a debug hook set (which turns the fast
-- paths off).

local function show(...)
  local n = select("#", ...)
  local t = {}
  for i = 1, n do
    local v = select(i, ...)
    local s = tostring(v)
    if math.type(v) == "float" then s = s .. "f"
    elseif type(v) == "string" then s = string.format("%q", v)
    elseif type(v) == "table" or type(v) == "function" or type(v) == "thread" then s = type(v) end
    t[i] = s
  end
  return "(" .. table.concat(t, ",") .. ")"
end

local function call1(f, n, a, b, c)
  if n == 1 then local r = f(a) return r end
  if n == 2 then local r = f(a, b) return r end
  local r = f(a, b, c) return r
end

local function hot(f, n, a, b, c)
  local r
  for _ = 1, 1500 do
    if n == 1 then r = f(a) elseif n == 2 then r = f(a, b) else r = f(a, b, c) end
  end
  return r
end

local function all(f, n, a, b, c)
  if n == 1 then return show(f(a)) end
  if n == 2 then return show(f(a, b)) end
  return show(f(a, b, c))
end

local function hooked(f, n, a, b, c)
  debug.sethook(function() end, "c")
  local ok, r = pcall(call1, f, n, a, b, c)
  debug.sethook()
  return ok and show(r) or "error: " .. tostring(r)
end

local function try(name, f, n, a, b, c)
  local ok1, once = pcall(call1, f, n, a, b, c)
  local ok2, h = pcall(hot, f, n, a, b, c)
  local ok3, p
  if n == 1 then ok3, p = pcall(f, a) elseif n == 2 then ok3, p = pcall(f, a, b) else ok3, p = pcall(f, a, b, c) end
  local ok4, al = pcall(all, f, n, a, b, c)
  local args = n == 1 and show(a) or n == 2 and show(a, b) or show(a, b, c)
  print(name .. args,
    ok1 and show(once) or "error: " .. tostring(once),
    ok2 and show(h) or "error: " .. tostring(h),
    ok3 and show(p) or "error: " .. tostring(p),
    ok4 and al or "error: " .. tostring(al),
    hooked(f, n, a, b, c))
end

local nan, pnan = 0/0, -(0/0)   -- x86: 0/0 is the default NaN, printed -nan
local numbers = {0, -0.0, 1, -1, -1.0, 2.5, -2.5, 4, 1e308, -1e308, 5e-324, math.huge, -math.huge, nan, pnan,
  math.maxinteger, math.mininteger, 2^53, 2^63, -2^63, "4", "-2.5", "0x10", " 7 ", "x", true}

for _, name in ipairs{"abs", "ceil", "floor", "sqrt", "exp", "sin", "cos", "tan", "max", "min"} do
  for _, x in ipairs(numbers) do try("math." .. name, math[name], 1, x) end
end

-- max and min with two arguments: mixed subtypes, NaNs on either side, ties
local pairs2 = {{1, 2}, {2, 1}, {1, 1.0}, {1.0, 1}, {-0.0, 0.0}, {0.0, -0.0}, {0, -0.0}, {nan, 1}, {1, nan},
  {pnan, nan}, {nan, pnan}, {2^53, 2^53 + 1}, {math.maxinteger, 2^63}, {math.mininteger, -2^63},
  {math.maxinteger, math.maxinteger + 0.0}, {"10", 9}, {1, "2"}, {1, {}}, {math.huge, -math.huge}}
for _, p in ipairs(pairs2) do
  try("math.max", math.max, 2, p[1], p[2])
  try("math.min", math.min, 2, p[1], p[2])
end

-- type and tonumber of every kind of value
local values = {nil, false, 0, -0.0, nan, "12", "0x1p4", "1e", " 5 ", "", {}, print, coroutine.create(print)}
for i = 1, 13 do
  local v = values[i]
  try("type", type, 1, v)
  try("tonumber", tonumber, 1, v)
end
try("tonumber", tonumber, 2, "ff", 16)
try("tonumber", tonumber, 2, "10", nil)

-- rawget with every kind of key, on a table with a metatable
local t = setmetatable({10, 20, [2^53] = "big", x = "x", [-0.0] = "zero", [true] = "yes"}, {__index = function() return "meta" end})
for _, k in ipairs{1, 2, 3, 1.0, 2^53, "x", "y", 0, -0.0, true, false, nan} do try("rawget", rawget, 2, t, k) end
try("rawget", rawget, 2, "not a table", 1)

-- select with every kind of index
for _, i in ipairs{1, 2, 3, 4, -1, -2, -3, -4, 0, "2", 2.0, "#", 1.5} do try("select", select, 3, i, "a", "b") end

-- the string functions
for _, s in ipairs{"", "a", "hello", "\0\255", 12, -0.0, nan} do
  try("string.len", string.len, 1, s)
  try("string.lower", string.lower, 1, s)
  try("string.upper", string.upper, 1, s)
  try("string.byte", string.byte, 1, s)
  for _, i in ipairs{0, 1, 2, -1, -5, 5, math.maxinteger, math.mininteger, 2.0, "1"} do
    try("string.byte", string.byte, 2, s, i)
    try("string.sub", string.sub, 2, s, i)
    try("string.sub", string.sub, 3, s, i, -2)
  end
end
for _, c in ipairs{0, 65, 255, 256, -1, 65.0, "66", 1.5} do try("string.char", string.char, 1, c) end
