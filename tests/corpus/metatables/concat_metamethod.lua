local mt = {__concat = function(a, b)
  local function s(x) return type(x) == "table" and ("<" .. x.v .. ">") or tostring(x) end
  return s(a) .. s(b)
end}
local t = setmetatable({v = "T"}, mt)
print(t .. "x", "x" .. t, t .. t, 1 .. t, t .. 2.5)
print("a" .. "b" .. t .. "c")
print(pcall(function() return {} .. "x" end))
print(pcall(function() return "x" .. {} end))
print(pcall(function() local nocat = {} return nocat .. 1 end))
print(pcall(function() return t .. nil end))
