-- pack/unpack of many values and of varargs with nils
local function count(...) return select("#", ...) end
local function roundtrip(...)
  local p = table.pack(...)
  return count(table.unpack(p, 1, p.n)), p.n
end
print(roundtrip())
print(roundtrip(nil))
print(roundtrip(nil, nil, nil))
print(roundtrip(1, nil, 2, nil))
local t = {}
for i = 1, 1000 do t[i] = i end
print(count(table.unpack(t)))
local p = table.pack(table.unpack(t))
print(p.n, p[1], p[1000])
local s = 0
for i = 1, p.n do s = s + p[i] end
print(s)
print(math.max(table.unpack(t)), math.min(table.unpack(t)))
