-- Tables growing and shrinking through every path of the hash part: string, integer,
-- float, boolean and table keys mixed; sparse integer keys moving to the array part on
-- a rehash; removal during traversal; sets keyed by tables; # on arrays built in a hash.
-- The traversal order is not printed (it differs between implementations): sums are.
local objs = {}
for i = 1, 300 do objs[i] = {i} end
local function check(t)
  local n, sk, si, sf = 0, 0, 0, 0.0
  for k, v in pairs(t) do
    n = n + 1
    if type(k) == "string" then sk = sk + #k
    elseif math.type(k) == "integer" then si = si + k
    elseif math.type(k) == "float" then sf = sf + k
    elseif type(k) == "table" then si = si + k[1] end
  end
  return n, sk, si, sf
end
for round = 1, 3 do
  local t = {}
  for i = 1, 200 do
    t["k" .. i] = i
    t[i * 37] = i
    t[i + 0.25] = i
    t[objs[i]] = i
    if i % 50 == 0 then t[i % 100 == 0] = i end
  end
  print(round, check(t))
  -- remove every other entry while traversing (allowed: assigning nil to existing fields)
  local odd = true
  for k in pairs(t) do
    if odd then t[k] = nil end
    odd = not odd
  end
  local n = check(t)
  print(round, "after removal", n)
  -- fill 1..n densely: the keys move to the array part on a rehash
  for i = 1, 400 do t[i] = i end
  print(round, #t, t[37], t[400], rawlen(t))
  for i = 400, 1, -1 do t[i] = nil end
  print(round, #t, (check(t)) <= n)
end
-- a set keyed by tables, grown and probed
local set, hits = {}, 0
for r = 1, 200 do
  for i = 1, 40 do set[objs[(r * 7 + i * 13) % 300 + 1]] = r end
  for i = 1, 80 do if set[objs[(r * 5 + i * 11) % 300 + 1]] then hits = hits + 1 end end
  if r % 20 == 0 then for k in pairs(set) do set[k] = nil end end
end
print("hits", hits, next(set) == nil)
-- arrays whose first key went to the hash part
local a = {[0] = 0}
for i = 1, 1000 do a[i] = i end
print(#a, a[0], a[1000])
local sparse = {}
for i = 1, 64 do sparse[i * i] = i end
local c = 0
for i = 1, 64 * 64 do if sparse[i] then c = c + sparse[i] end end
print(c, sparse[4096])
