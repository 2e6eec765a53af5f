-- setlocal changes a local of an active function and returns its name
local function change(level, n, value)
  return debug.setlocal(level + 1, n, value)
end
local function f(p)
  local x = 10
  print(change(1, 1, "new p"), change(1, 2, 20))
  print(p, x)
  print(change(1, 5, "nothing"))
  return p, x
end
print(f("old p"))
local function v(...)
  print(debug.setlocal(1, -2, "B"))
  print(debug.setlocal(1, -5, "none"))
  return ...
end
print(v("a", "b", "c"))
local captured = 1
local function get() return captured end
print(debug.setlocal(1, 4, 99), captured, get())
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1))
