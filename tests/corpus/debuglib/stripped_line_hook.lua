-- line events in a stripped function pass no line (nil), as no line information is kept
local function foo()
  local a = 1
  local b = 2
  return b
end
local s = load(string.dump(foo, true))
local lines = {}
debug.sethook(function(e, l) lines[#lines + 1] = tostring(l) end, "l")
s()
debug.sethook()
print("lines:", table.concat(lines, " "))

local function loop()
  local n = 0
  for i = 1, 3 do n = n + i end
  return n
end

-- not stripped: the lines themselves
local u = load(string.dump(loop))
lines = {}
debug.sethook(function(e, l) lines[#lines + 1] = tostring(l) end, "l")
u()
debug.sethook()
print("unstripped:", table.concat(lines, " "))
