-- The rules the operators and the math library share (C's pow and fmod, NaN
-- signs, integer/float comparisons and conversions) give the same results
-- both ways: x ^ y and math.pow(x, y), x % y and math.fmod(x, y), x < y and
-- math.max/min, floor division and math.floor, in a hot loop and once.
local nan, pnan = 0/0, -(0/0)
local vals = {0, -0.0, 1, -1, 2, -2, 0.5, -0.5, 3, -3.5, 2^53, -2^63, math.huge, -math.huge, nan, pnan,
  math.maxinteger, math.mininteger}

local function f(v)
  local s = tostring(v)
  return math.type(v) == "float" and s .. "f" or s
end

local function pow(x, y) return x ^ y end
local function mod(x, y) return x % y end
local function idiv(x, y) return x // y end
local function lt(x, y) return x < y end

local function hot(g, x, y)
  local r
  for _ = 1, 1200 do r = g(x, y) end
  return r
end

for _, x in ipairs(vals) do
  for _, y in ipairs(vals) do
    local p = pow(x, y)
    local mp = math.pow(x, y)
    local line = {f(x), f(y), "^", f(p), f(hot(pow, x, y)), f(mp), f(hot(math.pow, x, y))}
    if y ~= 0 or math.type(x) == "float" or math.type(y) == "float" then
      local ok1, m = pcall(mod, x, y)
      local ok2, fm = pcall(math.fmod, x, y)
      local ok3, d = pcall(idiv, x, y)
      line[#line + 1] = "%"
      line[#line + 1] = ok1 and f(m) or m
      line[#line + 1] = ok1 and f(hot(mod, x, y)) or ""
      line[#line + 1] = "fmod"
      line[#line + 1] = ok2 and f(fm) or fm
      line[#line + 1] = "//"
      line[#line + 1] = ok3 and f(d) or d
      if ok3 and math.type(d) == "float" and d == d then
        line[#line + 1] = f(math.floor(x / y))
      end
    end
    line[#line + 1] = "<"
    line[#line + 1] = tostring(lt(x, y)) .. tostring(hot(lt, x, y))
    line[#line + 1] = "max"
    line[#line + 1] = f(math.max(x, y)) .. " " .. f(hot(math.max, x, y))
    line[#line + 1] = "min"
    line[#line + 1] = f(math.min(x, y)) .. " " .. f(hot(math.min, x, y))
    print(table.concat(line, " "))
  end
end
