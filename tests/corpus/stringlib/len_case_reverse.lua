-- len, upper, lower, reverse (ASCII only, bytes above 127 unchanged)
local samples = {"", "a", "Hello, World!", "\0A\0b", "caf\xe9 \xc9T\xc9", "MiXeD_123-xyz", "\255\128\127"}
for _, s in ipairs(samples) do
  print(#s, string.len(s), s:upper(), s:lower(), s:reverse(), s:reverse():reverse() == s)
end
print(string.len(12345), string.upper(1.5), string.lower(-0.0), string.reverse(100))
print(pcall(string.len))
print(pcall(string.upper, {}))
print(pcall(string.lower, nil))
print(pcall(string.reverse, true))
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local up, low = all:upper(), all:lower()
local changed = 0
for i = 1, 256 do if up:byte(i) ~= all:byte(i) then changed = changed + 1 end end
print("upper changed", changed, up:sub(97, 123), low:sub(65, 91))
