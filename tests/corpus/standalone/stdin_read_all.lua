local data = io.read("a")
print("bytes", #data)
local words, total = 0, 0
for w in data:gmatch("%S+") do words = words + 1 total = total + #w end
print("words", words, "letters", total)
print("second read", string.format("%q", io.read("a")))
print("read l at eof", io.read("l"))
