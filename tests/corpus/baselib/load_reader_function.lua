local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())
local pieces = {"local t = {", "1, 2,", " 3}", " return #t"}
local j = 0
print(load(function() j = j + 1 return pieces[j] end)())
local calls = 0
print(load(function() calls = calls + 1 if calls == 1 then return "return 'x'" end return "" end)(), calls)
print(type(load(function() return nil end)))
print(select('#', load(function() return nil end)()))
local numparts, np = {"return ", 42, ".5"}, 0
print(load(function() np = np + 1 return numparts[np] end)())
-- reader errors are run inside pcall: at top level the standalone
-- interpreter's message handler would append a traceback to them
print(pcall(function() return load(function() return {} end) end))
print(pcall(function() return load(function() error("reader failed") end) end))
local chars = "return 'char by char'"
local k = 0
print(load(function() k = k + 1 if k <= #chars then return chars:sub(k, k) end end)())
