-- negative indices give the vararg values
local function v(...)
  local r = {}
  local i = -1
  while true do
    local n, val = debug.getlocal(1, i)
    if not n then break end
    r[#r + 1] = n .. "=" .. tostring(val)
    i = i - 1
  end
  return #r .. ": " .. table.concat(r, " ")
end
print(v())
print(v(1))
print(v("a", nil, "c"))
local function fixed(a) return debug.getlocal(1, -1) end
print(fixed(1, 2, 3))
local function caller(...)
  local function inner() return debug.getlocal(2, -2) end
  return inner()
end
print(caller("x", "y", "z"))
