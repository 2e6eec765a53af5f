-- table.sort without a comparator on plain tables of one type: integers over a
-- narrow or the full range, elements in the hash part, floats with signed zeros,
-- strings with duplicates; the results are checked element by element
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return table.concat(p, " ") end
local function digest(t)
  local h = 0
  for i = 1, #t do h = (h * 31 + (math.type(t[i]) == "integer" and t[i] or #tostring(t[i]))) % 2147483647 end
  return #t .. ":" .. h
end
local seed = 7
local function rnd(m) seed = (seed * 16807) % 2147483647 return seed % m end

local t = {}
for i = 1, 5000 do t[i] = rnd(100) - 50 end
table.sort(t) print(digest(t), t[1], t[2500], t[5000])
for i = 2, #t do assert(t[i - 1] <= t[i]) end

t = {math.maxinteger, math.mininteger, 0, -1, 1, math.maxinteger, math.mininteger, 3}
table.sort(t) print(show(t))
t = {}
for i = 1, 1000 do t[i] = (rnd(2) == 0 and math.mininteger or math.maxinteger) + rnd(1000) * (rnd(2) == 0 and 1 or -1) end
table.sort(t) print(digest(t), t[1], t[1000])
for i = 2, #t do assert(t[i - 1] <= t[i]) end

-- keys outside the array part: filled from the top down
t = {}
for i = 300, 1, -1 do t[i] = rnd(1000) end
table.sort(t) print(digest(t), t[1], t[300])
for i = 2, #t do assert(t[i - 1] <= t[i]) end
t = {}
for i = 200, 1, -1 do t[i] = "s" .. rnd(50) end
table.sort(t) print(show(t))

-- floats: signed zeros stay where the reference's algorithm leaves them
t = {}
for i = 1, 200 do local r = rnd(4) t[i] = r == 0 and 0.0 or r == 1 and -0.0 or (rnd(100) - 50) / 8 end
table.sort(t) print(show(t))
t = {}
for i = 1, 500 do t[i] = (rnd(1000) - 500) / 7 end
table.sort(t) print(digest(t), t[1], t[500])
for i = 2, #t do assert(t[i - 1] <= t[i]) end
t = {1.5, -0.0, 2.5, -1.5}
table.sort(t) print(show(t))

-- strings, with duplicates and bytes above 127
t = {}
for i = 1, 400 do t[i] = string.char(65 + rnd(3), 200 + rnd(3)) .. rnd(5) end
table.sort(t) print(show(t))
t = {"b", "a", "", "a\0b", "a\0", "ab", "B", "\255"}
table.sort(t) for i = 1, #t do io.write(string.format("%q ", t[i])) end print()

-- mixed integers and floats keep the reference's order among equal values
t = {}
for i = 1, 300 do local r = rnd(20) t[i] = rnd(2) == 0 and r or r + 0.0 end
table.sort(t) print(show(t))
