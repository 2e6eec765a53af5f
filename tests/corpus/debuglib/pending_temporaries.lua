-- debug.getlocal(2, n) from a called function sees the values its caller holds
-- pending across the call (lua5.4's registers past the active locals, below the
-- called function), as "(temporary)", then nothing (D12)
local function show(v)
  local t = type(v)
  if t == "table" or t == "function" then return t end
  return tostring(v)
end
local function dump(tag, lvl)
  local t = {}
  for n = 1, 30 do
    local name, v = debug.getlocal(lvl or 3, n)
    if not name then break end
    t[#t + 1] = name .. "=" .. show(v)
  end
  print(tag, table.concat(t, " "))
end
local function f(tag) dump(tag) return 20 end
local function h(...) return ... end
local up = {}
G = 5
local function g(a, b)
  local s = a + 1 + f("arith")
  s = (a + 1) + f("paren")
  s = a + f("localleft")
  s = 3 + f("numleft")
  s = "3" + f("strleft")
  s = G + f("globalleft")
  s = a * 2 - f("mul") // 1
  s = a .. b .. f("concat")
  s = tostring(a) .. f("concat2")
  s = a .. (b .. f("concatparen"))
  local t = {1, 2, f("ctor")}
  t = {x = 1, a, f("ctor2")}
  t = {x = f("ctorx")}
  t = {[a] = f("ctork")}
  t = {[tostring(a)] = f("ctork2")}
  t = {a, b, {a, f("innertbl")}}
  local big = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52, f("big")}
  print(#big)
  s = select("#", type, a, f("args"))
  s = select("#", type, a, (f("args2")))
  s = (a + 1) + h(a * 2, f("nested"))
  s = h(1, h(2, h(3, f("deep"))))
  s = t[f("idx")]
  s = _ENV[f("idx2")]
  t[a] = f("store")
  _ENV.t2 = {x = {}}
  t2[a] = f("store2")
  t2[tostring(a)] = f("store3")
  t2.x.y = f("store4")
  up[a] = f("upstore")
  up.x = f("upfield")
  s = up[f("upidx")]
  s = a == f("eq")
  s = a < f("lt")
  s = 1 < f("lt1")
  s = "x" == f("eqs")
  s = tostring(a) == f("eqc")
  s = a & f("band")
  s = -f("neg")
  s = f("a1") + f("a2")
  s = string.rep("x", 2):rep(f("method"))
  s = ("x"):rep(f("method2"))
  local o = "x"
  s = o:rep(f("method3"))
  s = ("%d"):format(a, f("fmt"))
  local x, y = tostring(a), f("localdecl")
  x, y = tostring(a), f("assign")
  return tostring(a), f("ret")
end
print(pcall(g, 0, "b"))

-- the count of temporaries, and setlocal on one (what getlocal shows afterwards)
local function k()
  print(debug.setlocal(2, 3, 100))
  print(debug.getlocal(2, 3))
  print(debug.getlocal(2, 4))
  print(debug.setlocal(2, 4, 1))
  return 20
end
local function g2(a, b) local r = (a + 1) + k() return r end
print(g2(0, 0))

-- seen from a hook while the caller waits
local function m() return 1 end
local function g3(a)
  local r = (a + 7) * m()
  return r
end
debug.sethook(function(ev)
  local info = debug.getinfo(2, "n")
  if info.name == "m" then dump(ev, 4) end
end, "cr")
g3(1)
debug.sethook()

-- a method call, a return list, a tail call, local and multiple assignments
local obj = {v = 5}
function obj:get(x, y) return self.v + x + y end
local function g4(a)
  return obj:get(a, f("method")), f("ret2")
end
print(g4(1))
local function g5(a)
  return h(a, f("tail"))
end
print(g5(1))
local function g6(a)
  local x, y, z = a .. "", a + 0, f("localmulti")
  x, y, z = a .. "", a + 0, f("assignmulti")
  return x
end
print(g6(1))
-- in a loop hot enough for the second tier
local acc = 0
local function add(x) local _, v = debug.getlocal(2, 3) acc = acc + v return x end
local function loop(n)
  local s = 0
  for i = 1, n do s = s + (i * 2 + add(1)) end
  return s
end
print(loop(3000), acc)
