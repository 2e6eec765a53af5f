-- getinfo of a function value (no activation: no current line, no name)
local function keys(t)
  local r = {}
  for k, v in pairs(t) do
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    r[#r + 1] = k .. "=" .. tostring(v)
  end
  table.sort(r)
  return table.concat(r, " ")
end
local function lua_fn(a, b, ...)
  return a
end
print(keys(debug.getinfo(lua_fn)))
print(keys(debug.getinfo(print)))
print(keys(debug.getinfo(function() end, "S")))
local m = load("return 1", "=mychunk")
print(keys(debug.getinfo(m, "Su")))
local m2 = load("local x = 1\nreturn x", "@file.lua")
print(keys(debug.getinfo(m2, "S")))
local m3 = load("return 1")
print(keys(debug.getinfo(m3, "S")))
print(debug.getinfo(lua_fn, "f").func == lua_fn)
print(debug.getinfo(print, "f").func == print)
