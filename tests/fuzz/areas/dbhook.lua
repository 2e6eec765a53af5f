local lines = {}
local function hook(ev, l) lines[#lines + 1] = (ev == "line" and l or ev:sub(1, 1)) end
local function f(a, b)
  local c = a +
    b
  if c > 2 then
    c = c - 1
  else
    c = c + 1
  end
  for i = 1, 2 do
    c = c + i
  end
  local t = {
    x = 1,
    y = 2,
  }
  while c > 0 do c = c - 3 end
  repeat
    c = c + 1
  until c > 1
  for k, v in pairs({1}) do
    c = c + v
  end
  return c
end
local function g()
  return f(1, 2)
end
debug.sethook(hook, "lcr")
g()
local s = string.format("%d",
  5)
debug.sethook()
print(table.concat(lines, " "))
lines = {}
local co = coroutine.create(function(x)
  local y = x
  coroutine.yield(y)
  return y + 1
end)
debug.sethook(co, hook, "lcr")
coroutine.resume(co, 1)
coroutine.resume(co)
print(table.concat(lines, " "))
print(debug.gethook(co))
-- count with line
lines = {}
local n = 0
debug.sethook(function(e) n = n + 1 end, "", 100)
for i = 1, 10000 do local x = i * 2 end
debug.sethook()
print("count events", n > 50, n < 1000)
-- hook getinfo inside
lines = {}
debug.sethook(function(ev, l)
  local info = debug.getinfo(2, "nSl")
  lines[#lines + 1] = ev .. ":" .. tostring(info.name) .. ":" .. info.currentline .. ":" .. info.short_src
end, "cr")
local function named() return 1 end
named()
debug.sethook()
print(table.concat(lines, "\n"))
-- error in hook
print(pcall(function() debug.sethook(function() error("hookerr") end, "l"); local x = 1 end))
debug.sethook()
-- hook getlocal in call event
lines = {}
debug.sethook(function(ev) if ev == "call" then local n, v = debug.getlocal(2, 1); lines[#lines + 1] = tostring(n) .. "=" .. tostring(v) end end, "c")
local function withargs(p1, p2) return p1 end
withargs("A", "B")
debug.sethook()
print(table.concat(lines, " "))
