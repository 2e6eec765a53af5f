-- table.sort on strings: byte order, embedded zeros, prefixes
local t = {"banana", "apple", "Cherry", "", "apple pie", "a", "B", "z", "aa", "a\0b", "a\0", "\255", "~"}
table.sort(t)
for i, s in ipairs(t) do io.write(string.format("%q", s), " ") end print()
table.sort(t, function(a, b) return a > b end)
for i, s in ipairs(t) do io.write(string.format("%q", s), " ") end print()
local words = {}
for w in ("the quick brown fox jumps over the lazy dog and then the fox sleeps"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b end)
print(table.concat(words, " "))
local nums = {"10", "9", "100", "1", "-1"}
table.sort(nums)
print(table.concat(nums, " "))
