local order = {}
local function closable(name)
  return setmetatable({}, {__close = function(self, err) order[#order + 1] = name .. "(" .. tostring(err) .. ")" end})
end
do
  local a <close> = closable("a")
  local b <close> = closable("b")
end
print(table.concat(order, " "))
order = {}
local ok, e = pcall(function()
  local a <close> = closable("a")
  error({code = 1})
end)
print(ok, type(e), e.code)
print(order[1]:match("^a%(table") ~= nil)
order = {}
local function gen()
  local x <close> = closable("x")
  return 1, 2, 3
end
print(gen())
print(table.concat(order, " "))
