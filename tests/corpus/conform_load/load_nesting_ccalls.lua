-- load's parser counts its nesting on top of the C calls active when load runs (pcall, coroutines,
-- metamethods, library callbacks), so the depth at which it fails with "C stack overflow" moves with them
local function mk(n) return "return " .. string.rep("(", n) .. "1" .. string.rep(")", n) end
local function th(loadf)
  for n = 185, 200 do if not loadf(mk(n)) then return n end end
end
print("main", th(function(s) return load(s) end))
print("direct", (function() for n = 185, 200 do if not load(mk(n)) then return n end end end)())
print("pcall", th(function(s) local ok, f = pcall(load, s) return f end))
print("pcallf", th(function(s) local ok, f = pcall(function() return load(s) end) return f end))
print("co", coroutine.wrap(function() return th(function(s) return load(s) end) end)())
print("meta", th(function(s) return setmetatable({}, {__index = function(_, k) return load(k) end})[s] end))
print("sort", th(function(s) local r; table.sort({1, 2}, function(a, b) r = load(s) return a < b end) return r end))
print("xpcall", th(function(s) local ok, f = xpcall(load, function(m) return m end, s) return f end))
print("ppcall", th(function(s) local ok, ok2, f = pcall(pcall, load, s) return f end))
print("gsub", th(function(s) local r; string.gsub("x", "x", function() r = load(s) end) return r end))
print("tostring", th(function(s) local r; tostring(setmetatable({}, {__tostring = function() r = load(s) return "" end})) return r end))
