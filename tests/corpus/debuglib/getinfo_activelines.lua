-- activelines: the lines of a function that have code
local function lines(f)
  local t = debug.getinfo(f, "L").activelines
  local r = {}
  for l in pairs(t) do r[#r + 1] = l end
  table.sort(r)
  return table.concat(r, ",")
end
local function simple(x)
  local y = x + 1
  if y > 2 then
    y = y * 2
  end
  return y
end
local function empty() end
local function loop(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  while s > 10 do
    s = s - 10
  end
  return s
end
print(lines(simple))
print(lines(empty))
print(lines(loop))
print(debug.getinfo(print, "L").activelines)
local info = debug.getinfo(1, "L")
print(type(info.activelines))
