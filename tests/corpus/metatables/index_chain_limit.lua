-- An __index chain of 2000 tables (MAXTAGLOOP) still finds the key in the last one: the reference looks it up
-- after each of its 2000 steps; a miss there, or a function there, is 'chain too long'. __newindex stops one earlier.
for _, n in ipairs{1998, 1999, 2000, 2001} do
  local base = {x = 1}
  local long = base
  for _ = 1, n do long = setmetatable({}, {__index = long}) end
  local fbase = setmetatable({}, {__index = function(t, k) return "fn" end})
  local flong = fbase
  for _ = 1, n do flong = setmetatable({}, {__index = flong}) end
  print(n, pcall(function() return long.x end), pcall(function() return long.y end), pcall(function() return flong.z end))
  local s = "abc"
end
-- a string start
local mt = getmetatable("")
local old = mt.__index
local chain = {sub2 = 1}
for _ = 1, 1998 do chain = setmetatable({}, {__index = chain}) end
mt.__index = chain
print(pcall(function() return ("x").sub2 end))
chain = setmetatable({}, {__index = chain})
mt.__index = chain
print(pcall(function() return ("x").sub2 end))
chain = setmetatable({}, {__index = chain})
mt.__index = chain
print(pcall(function() return ("x").sub2 end))
mt.__index = old
for _, n in ipairs{1998, 1999, 2000, 2001, 2002} do
  local long = {x = 1}
  for _ = 1, n do long = setmetatable({}, {__index = long}) end
  local w = {}
  for _ = 1, n do w = setmetatable({}, {__newindex = w}) end
  print(n, pcall(function() return long.x end), pcall(function() w.x = 1 end))
end
-- a key present in the table after 2000 __newindex steps is assigned there; absent, it is an error
local sink = {z = 0}
local w2 = sink
for _ = 1, 2000 do w2 = setmetatable({}, {__newindex = w2}) end
print(pcall(function() w2.z = 1 end), sink.z)
print(pcall(function() w2.q = 1 end), sink.q)
w2 = setmetatable({}, {__newindex = w2})
print(pcall(function() w2.z = 2 end), sink.z)
