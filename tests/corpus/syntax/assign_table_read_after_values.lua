-- Which table an assignment stores into when evaluating the values reassigns the variable that
-- holds the table (found by the random program generator). The reference uses a local table
-- variable in place, and an upvalue indexed by a constant string in place (SETTABUP), so the
-- store goes to the new table; other tables are evaluated before the values. In a multiple
-- assignment, a variable that a later target assigns is copied first (the old table).
local log = {}
local function show(t) return t and t.name or "nil" end

local t = {name = "old"}
local function swap() t = {name = "new"} return 1 end
t.x = swap()
print("local, single:", show(t), t.x)

t = {name = "old"}
local old = t
t.x, t.y = 1, 2, swap()
print("local, multiple:", show(t), t.x, t.y, old.x, old.y)

t = {name = "old"}; old = t
local k = "a"
local function swapk() k = "b" return 5 end
t[k] = swapk()
print("local key:", t.a, t.b)

local u = {name = "old"}
local function swapu() u = {name = "new"} return 7 end
local function viaUpvalue()
  local oldu = u
  u.x = swapu()
  print("upvalue, constant key:", show(u), u.x, oldu.x)
  oldu = u
  u[1] = swapu()
  print("upvalue, integer key:", show(u), u[1], oldu[1])
  oldu = u
  u["long key long key long key long key long key"] = swapu()
  print("upvalue, long key:", u["long key long key long key long key long key"], oldu["long key long key long key long key long key"])
  oldu = u
  u.p, u.q = 1, 2, swapu()
  print("upvalue, multiple:", u.p, u.q, oldu.p, oldu.q)
end
viaUpvalue()

-- conflicts: the table variable is also assigned by a later target
t = {name = "old"}; old = t
t.x, t = 10, {name = "other"}
print("conflict:", show(t), t.x, old.x)
t = {name = "old"}; old = t
t.x, t = 11, {name = "other"}, swap()
print("conflict with call:", show(t), t.x, old.x)
local i = 1
local arr = {}
arr[i], i = "first", 2
print("key conflict:", arr[1], arr[2], i)

-- in a loop (compiled after enough iterations)
for n = 1, 3 do
  t = {name = "old" .. n}
  t.v, t.w = n, n * 2, swap()
  u = {name = "oldu"}
  ;(function() u.v = swapu() end)()
  print("loop:", n, show(t), t.v, t.w, show(u), u.v)
end
