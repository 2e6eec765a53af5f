-- getinfo with a level: level 0 is getinfo itself, 1 the caller, ...
local function show(level)
  local i = debug.getinfo(level + 1, "Sln")
  if not i then return print(level, "nil") end
  print(level, i.what, i.short_src, i.currentline, i.linedefined, i.lastlinedefined, i.name, i.namewhat)
end
local function a()
  for level = 0, 4 do show(level) end
end
local function b()
  a()
end
b()
print(debug.getinfo(0, "n").name, debug.getinfo(0, "S").what)
print(debug.getinfo(1, "S").what, debug.getinfo(2, "S").what, debug.getinfo(3))
print(debug.getinfo(100), debug.getinfo(-1))
print(pcall(debug.getinfo, 1.5))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo))
