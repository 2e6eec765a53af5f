-- A method call's "attempt to index" error names the line of the method's name (lua5.4's SELF
-- instruction), the call's own errors the line where the called expression starts.
local function try(f) print(select(2, pcall(f))) end
local t = {}
try(function()
  return ([[
abc]]):match("z"):upper()
end)
try(function()
  return (t.missing
    ):m()
end)
try(function()
  return t
    .missing:m()
end)
try(function()
  return t:nomethod(
    1)
end)
try(function()
  return (nil)
  :
  m()
end)
try(function()
  local s = setmetatable({}, {__index = function(_, k) error("idx " .. k, 2) end})
  return s
     :field()
end)
