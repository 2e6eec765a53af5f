-- Table constructors in code the second tier compiles: positional items, keyed and
-- named fields interleaved (including keys that overwrite positional ones), a
-- multi-valued last item, nil and NaN keys, nested constructors, and a constructor
-- with 50 or more positional items (stored in batches as the reference does).

local function three() return 1, 2, 3 end
local function none() end
local function dump(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local out = {}
  for _, k in ipairs(keys) do
    local v = t[k]
    out[#out + 1] = tostring(k) .. "=" .. (type(v) == "table" and "{" .. dump(v) .. "}" or tostring(v))
  end
  return table.concat(out, " ") .. " #" .. #t
end

local lines = {}
for round = 1, 1200 do
  local x, y = round, round * 2
  local a = {x, y, x + y}
  local b = {name = "p", x = x, ["y"] = y, [10] = 10}
  local c = {x, [1] = "one", y, [2] = "two"}
  local d = {[1] = "one", x, y}
  local e = {three()}
  local f = {0, three()}
  local g = {(three())}
  local h = {three(), 9}
  local i = {none()}
  local j = {1, nil, 3}
  local k = {k = {1, {2, {3}}}, n = nil}
  local l = {x, y; z = 1, x, [x + 0.0] = "float key"}
  local m = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
             26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50,
             [1] = "first", 51, [51] = "fiftyfirst"}
  local ok1, e1 = pcall(function() return {[nil] = 1} end)
  local ok2, e2 = pcall(function() return {[0 / 0] = 1} end)
  local ok3, e3 = pcall(function() local nk; return {x, [nk] = 2} end)
  if round == 1200 then
    for _, t in ipairs({a, b, c, d, e, f, g, h, i, j, k, l}) do lines[#lines + 1] = dump(t) end
    lines[#lines + 1] = tostring(m[1]) .. " " .. tostring(m[50]) .. " " .. tostring(m[51]) .. " " .. #m
    lines[#lines + 1] = tostring(ok1) .. " " .. tostring(e1)
    lines[#lines + 1] = tostring(ok2) .. " " .. tostring(e2)
    lines[#lines + 1] = tostring(ok3) .. " " .. tostring(e3)
  end
end
print(table.concat(lines, "\n"))
