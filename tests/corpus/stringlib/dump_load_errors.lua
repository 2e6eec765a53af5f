-- loading binary chunks: modes and malformed input
local function f(x) return x + 1 end
local s = string.dump(f)
print(load(s, "x", "t"))
print(load(s, "x", "b") ~= nil, load(s, "x", "bt") ~= nil, load(s) ~= nil)
print(load("return 1", "x", "b"))
print(load("return 1", "x", "t")())
print(load(s, "=name", "t"))
print(pcall(load, s, "x", "q"))
-- text mode refused through a reader function too
local parts = {s:sub(1, 3), s:sub(4)}
local k = 0
print(load(function() k = k + 1 return parts[k] end, "=reader", "t"))
k = 0
print(load(function() k = k + 1 return parts[k] end, "=reader", "b")(41))
-- truncated and damaged chunks give "bad binary format", never a crash
print(load("\27Lua", "x", "b"))
print(load("\27Lua", "=x"))
print(load("\27Lua", "@x.lua"))
print(load("\27Lua"))
print(load("\27Luaxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "x"))
print(load("\27", "x"))
print(load(s:sub(1, 5), "x"))
print(load(s:sub(1, 10), "x"))
print(load(s:sub(1, 20)))
print(load(s:sub(1, #s - 1), "=x"))
-- bytes after a complete chunk are ignored
print(load(s .. "trailing junk")(1))
-- loadfile and dofile read binary files
local name = os.tmpname()
local fh = io.open(name, "wb") fh:write(string.dump(function(...) return "from file", ... end)) fh:close()
print(loadfile(name)(1, 2))
print(loadfile(name, "t"))
print(dofile(name))
fh = io.open(name, "wb") fh:write(s:sub(1, 8)) fh:close()
local ok, err = loadfile(name)
print(ok, (err:gsub(name, "TMP", 1, true)))
os.remove(name)
-- string.dump arguments
print(pcall(string.dump, print))
print(select("#", pcall(string.dump, f, "yes")), type(select(2, pcall(string.dump, f, "yes"))))
print(type(string.dump(f, nil)), type(string.dump(f, false)))
