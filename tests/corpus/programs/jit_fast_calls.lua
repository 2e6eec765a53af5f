-- Library functions with allocation-free paths (math.floor/ceil/abs/sqrt/min/max/
-- sin/cos/exp/tan, type, tonumber, rawget), mixed integer/float %, // and ^, and
-- multiple assignment from calls that return fewer or more values, run often
-- enough (and in loops) to be compiled by the second tier.

local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = math.type(v) and (math.type(v) .. ":" .. tostring(v)) or tostring(v)
  end
  return table.concat(t, " ")
end

local nan, inf = 0 / 0, math.huge
local values = {3, -3, 0, 3.5, -3.5, -0.0, 0.0, 2^53, -2^63, math.maxinteger, math.mininteger,
                1e308, -1e308, inf, -inf, nan, 7.0, "4", "x", true, nil}
local nvalues = 21

local lines = {}
for round = 1, 1100 do
  for i = 1, nvalues do
    local v = values[i]
    local last = round == 1100
    local ok1, f = pcall(math.floor, v)
    local ok2, c = pcall(math.ceil, v)
    local ok3, a = pcall(math.abs, v)
    local ok4, s = pcall(math.sqrt, v)
    local fl = ok1 and math.floor(v)
    local ce = ok2 and math.ceil(v)
    local ab = ok3 and math.abs(v)
    local sq = ok4 and math.sqrt(v)
    local t, n = type(v), tonumber(v)
    if last then
      lines[#lines + 1] = show(i, fl, ce, ab, sq, t, n, ok1, f == fl or (f ~= f), c == ce or (c ~= c))
      if ok4 then lines[#lines + 1] = show(math.sin(v), math.cos(v), math.exp(v), math.tan(v)) end
    end
    for j = 1, nvalues do
      local w = values[j]
      local okm, m = pcall(math.max, v, w)
      local okn, mn = pcall(math.min, v, w)
      local mx = okm and math.max(v, w)
      local mi = okn and math.min(v, w)
      if last and (i + j) % 3 == 0 then lines[#lines + 1] = show(i, j, mx, mi, okm, okn, m == mx or m ~= m, mn == mi or mn ~= mn) end
    end
  end
end
for _, l in ipairs(lines) do print(l) end

-- mixed integer/float arithmetic in a hot loop
local acc = {}
local ops = {1, -1, 2.5, -2.5, 0.0, -0.0, 3, -3, 7, 2^60, 0.5}
for round = 1, 1200 do
  for i = 1, #ops do
    for j = 1, #ops do
      local x, y = ops[i], ops[j]
      local ok1, m = pcall(function() return x % y end)
      local ok2, d = pcall(function() return x // y end)
      local p = x ^ y
      local m2 = (math.type(x) == "float" or math.type(y) == "float") and x % y or nil
      local d2 = (math.type(x) == "float" or math.type(y) == "float") and x // y or nil
      if round == 1200 then acc[#acc + 1] = show(x, y, ok1 and m, ok2 and d, p, m2, d2) end
    end
  end
end
for _, l in ipairs(acc) do print(l) end

-- multiple assignment from calls
local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
local box = {}
local out = {}
for round = 1, 1500 do
  local a, b, c = none()
  local d, e = one()
  local f, g, h, k = 0, three()
  local p, q = three()
  local r = {}
  r.x, r.y, r.z = three()
  box[1], box[2] = one()
  local u, v
  u, v = three()
  local w, x2, y2 = 10, one()
  local cnt = 0
  local function inc() cnt = cnt + 1; return cnt, cnt * 2 end
  local c1, c2 = inc()
  if round % 500 == 0 then
    out[#out + 1] = show(a, b, c, d, e, f, g, h, k, p, q, r.x, r.y, r.z, box[1], box[2], u, v, w, x2, y2, c1, c2, cnt)
  end
end
for _, l in ipairs(out) do print(l) end
