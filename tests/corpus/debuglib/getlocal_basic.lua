-- local variables of the running function and of its callers
local function names(level)
  local r = {}
  local i = 1
  while true do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    r[#r + 1] = n .. "=" .. (type(v) == "function" and "fn" or tostring(v))
    i = i + 1
  end
  return table.concat(r, " ")
end
local function f(a, b)
  local c = a + b
  local s = names(1) print(s)
  do
    local d = c * 2
    local s = names(1) print(s)
  end
  local e = "after"
  local s = names(1) print(s)
  local c = "shadow"
  local s = names(1) print(s)
  return c
end
f(1, 2)
local top = "main local"
local s = names(1) print(s)
print(debug.getlocal(1, 0))
print(debug.getlocal(1, 1000))
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, "x", 1))
print(pcall(debug.getlocal, 1, "y"))
