print(("%s=%d"):format("x", 5), ("abc"):rep(2, "-"))
print(string.len("\0\0"), ("x"):byte(), string.char(("x"):byte()))
print(tostring(12):len(), ("CamelCase"):gsub("%u", function(c) return "_" .. c:lower() end))
print(("a b c"):gsub(" ", ""), ("test"):find("t", 2))
print(("one;two;;three"):gsub(";;", ";"))
local parts = {}
for field in ("a,b,,d"):gmatch("([^,]*)") do parts[#parts + 1] = "<" .. field .. ">" end
print(table.concat(parts))
