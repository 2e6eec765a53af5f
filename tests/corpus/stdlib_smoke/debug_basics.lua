local function f(a, b) local c = 3 return debug.getinfo(1, "nSl") end
local info = f()
print(info.short_src, info.linedefined, info.lastlinedefined, info.what, info.currentline)
print(debug.getinfo(print).what, debug.getinfo(print).short_src)
local function locals()
  local x, y = 10, 20
  local names = {}
  local i = 1
  while true do
    local n = debug.getlocal(1, i)
    if not n then break end
    names[#names + 1] = n
    i = i + 1
  end
  return table.concat(names, ",")
end
print(locals())
local up = 5
local function g() return up end
print(debug.getupvalue(g, 1))
debug.setupvalue(g, 1, 99)
print(g(), up)
print(debug.getinfo(1, "l").currentline)
local mtab = {}
debug.setmetatable(10, {__index = {double = function(n) return n * 2 end}})
print((21):double())
debug.setmetatable(10, nil)
print(pcall(function() return (1):double() end))
