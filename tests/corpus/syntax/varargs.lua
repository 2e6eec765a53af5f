local function count(...) return select('#', ...) end
print(count(), count(nil), count(1, nil), count(nil, nil, nil))
local function first(...) local a = ... return a end
print(first(9, 8, 7))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass(1, 2, 3), "end")
print((pass(1, 2, 3)))
local function tbl(...) return {...} end
print(#tbl(1, 2, 3), #tbl())
local function packed(...) local p = table.pack(...) return p.n, p[1], p[p.n] end
print(packed("a", nil, "c"))
local function mid(...) return {..., "last"} end
local m = mid(1, 2, 3)
print(#m, m[1], m[2])
local function sel(...) return select(2, ...) end
print(sel("a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select("#"))
local function nested(...)
  local function inner(...) return ... end
  return inner(...)
end
print(nested(4, 5, 6))
