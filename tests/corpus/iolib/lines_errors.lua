-- errors from io.lines and from its iterator
print(pcall(io.lines, "no_such_file.txt"))
print(pcall(io.lines, {}))
local args = {}
for i = 1, 250 do args[i] = "l" end
print(select("#", io.lines("lines_errors.lua", table.unpack(args))))
args[251] = "l"
print(pcall(io.lines, "lines_errors.lua", table.unpack(args)))
local f = assert(io.open("lines_errors.lua"))
print(pcall(f.lines, f, table.unpack(args)))
f:close()
-- a bad format is only noticed when the iterator runs
local it = io.lines("lines_errors.lua", "x")
print(type(it))
print(pcall(it))
print(pcall(function() for l in io.lines("lines_errors.lua", "l", {}) do end end))
print(pcall(function() for l in io.lines("lines_errors.lua", 1.5) do end end))
-- a directory opens, but reading it fails inside the loop
print(pcall(function() for l in io.lines(".") do end end))
