-- istailcall, and tail-called functions have no name
local function target()
  local i = debug.getinfo(1, "nt")
  return i.istailcall, i.name, i.namewhat
end
local function caller() return target() end
local function normal() local a, b, c = target() return a, b, c end
print(caller())
print(normal())
print(debug.getinfo(1, "t").istailcall)
print(debug.getinfo(print, "t").istailcall)
