-- table.concat of more than 4,096 items (the parts are collected, then joined once):
-- separators, ranges, numbers, errors at any index, __index and __len, huge bounds.
local t = {}
for i = 1, 20000 do t[i] = (i % 3 == 0) and i or ((i % 7 == 0) and i + 0.5 or ("x" .. i)) end
local s = table.concat(t, ",")
print(#s, s:sub(1, 40), s:sub(-30))
print(#table.concat(t), #table.concat(t, "--", 5, 19000), table.concat(t, ";", 4097, 4099))
print(#table.concat(t, "", 1, 4097), #table.concat(t, "ab", 1, 4096), #table.concat(t, "ab", 2, 4098))
print(pcall(table.concat, t, "", 1, 20001))
print(pcall(table.concat, {}, "", 1, 1e9))
t[15000] = {}
print(pcall(table.concat, t, ""))
t[15000] = "y"
local p = setmetatable({}, {__index = function(_, k) return k .. "" end, __len = function() return 5000 end})
print(#table.concat(p, "ab"), table.concat(p, "", 4998))
print(pcall(table.concat, t, "", math.maxinteger - 5000, math.maxinteger))
local big = {}
for i = 1, 100000 do big[i] = "\0" .. string.char(i % 256) end
local b = table.concat(big, "|")
local h = 0
for i = 1, #b, 13 do h = (h * 31 + b:byte(i)) % 1000000007 end
print(#b, h)
