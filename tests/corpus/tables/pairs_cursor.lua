-- A pairs loop keeps its place in the table between steps: fields cleared or changed
-- during the traversal (allowed by the manual), a table that shrinks through a collection,
-- nested loops over one table, arrays with holes, mixed keys (floats with integer values,
-- strings, tables, booleans), and a loop that breaks and starts again. Outputs are sorted,
-- so they do not depend on the traversal order.

local function sorted(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  return ks
end

local function show(label, t)
  local parts = {}
  for _, k in ipairs(sorted(t)) do
    local kk = type(k) == "table" and "tbl" or tostring(k)
    parts[#parts + 1] = kk .. "=" .. tostring(t[k])
  end
  print(label, #parts, table.concat(parts, " "))
end

-- clearing every other field while traversing
local t = {}
for i = 1, 200 do t["k" .. i] = i end
for i = 1, 50 do t[i] = i * 10 end
local seen = 0
for k, v in pairs(t) do
  seen = seen + 1
  if type(v) == "number" and v % 2 == 0 then t[k] = nil end
end
print("seen", seen)
show("after clear", t)

-- changing existing fields while traversing
local u = {a = 1, b = 2, c = 3, 10, 20, 30}
for k, v in pairs(u) do u[k] = v * 100 end
show("changed", u)

-- clearing everything, including the current key, then traversal ends
local w = {}
for i = 1, 100 do w[i * 1.0 + 0.5] = i end
local n = 0
for k in pairs(w) do w[k] = nil; n = n + 1 end
print("cleared", n, next(w))

-- nested traversals of one table
local m = {x = 1, y = 2, z = 3, 4, 5}
local pairs_count = 0
for k1 in pairs(m) do
  for k2 in pairs(m) do pairs_count = pairs_count + 1 end
end
print("nested", pairs_count)

-- arrays with holes, mixed keys
local key_t, key_f = {}, function() end
local mixed = {1, nil, 3, nil, 5, [2.0^53] = "big", [3.0] = "three-float", s = "str",
               [key_t] = "tbl", [true] = "yes", [false] = "no", [-1] = "neg", [0] = "zero"}
local c = 0
for k, v in pairs(mixed) do c = c + 1 end
print("mixed", c)
show("mixed", mixed)

-- break and start again, many times (a hot loop)
local big = {}
for i = 1, 300 do big[i] = i end
for i = 1, 300 do big["s" .. i] = i end
local total = 0
for round = 1, 2000 do
  local steps = 0
  for k, v in pairs(big) do
    total = total + 1
    steps = steps + 1
    if steps == (round % 7) + 3 then break end
  end
end
print("restarts", total)

-- a full hot traversal, with values cleared in a later round
local sum = 0
for round = 1, 1500 do
  for k, v in pairs(big) do sum = sum + v end
  if round == 1000 then for i = 1, 300, 3 do big[i] = nil; big["s" .. i] = nil end end
end
print("sum", sum)

-- next called by hand on the same table between loop steps
local h = {p = 1, q = 2, r = 3}
local hand = 0
for k in pairs(h) do
  local k2 = next(h, k)
  if k2 ~= nil then hand = hand + 1 end
end
print("next by hand", hand)

-- an invalid key: a key that is not in the table
print(pcall(next, {a = 1}, "zz"))
