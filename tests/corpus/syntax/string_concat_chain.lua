local parts = {}
for i = 1, 5 do parts[i] = tostring(i) end
local s = parts[1] .. parts[2] .. parts[3] .. parts[4] .. parts[5]
print(s)
print("a" .. 1 .. 2.5 .. "b")
print(1 .. "")
print(-0.0 .. "", 1e100 .. "", 2^63 .. "")
print(math.maxinteger .. "", math.mininteger .. "")
local long = ""
for i = 1, 10 do long = long .. i .. "," end
print(long)
