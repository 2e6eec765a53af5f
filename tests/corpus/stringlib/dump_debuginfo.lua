-- debug information after string.dump: kept without strip, dropped with it
local up = {}
local function f(a, b)
  local x = a
  if b == 1 then error("boom") end
  if b == 2 then error("lvl", 2) end
  if b == 3 then local t = nil return t.x end
  if b == 4 then return up.x.y end
  if b == 5 then return undefinedglobal() end
  if b == 6 then return math.nofunc() end
  if b == 7 then return a .. {} end
  if b == 8 then local t <close> = 5 end
  if b == 9 then return debug.traceback("tb", 1) end
  if b == 10 then return debug.getinfo(1, "Sl") end
  if b == 11 then return #x end
  if b == 12 then local s = {} return s.m:foo() end
  return x
end
local function show(tag, g)
  print(tag)
  for b = 1, 8 do print(b, pcall(g, 1, b)) end
  print(pcall(g, 1, 11))
  print(pcall(g, 1, 12))
  print(g(1, 9))
  local i = g(1, 10)
  print(i.source, i.short_src, i.currentline, i.linedefined, i.lastlinedefined, i.what)
  local info = debug.getinfo(g, "SLu")
  local lines = {}
  for l in pairs(info.activelines) do lines[#lines + 1] = l end
  table.sort(lines)
  print(info.nups, info.nparams, info.isvararg, table.concat(lines, " "))
  print(debug.getlocal(g, 1), debug.getlocal(g, 2), debug.getlocal(g, 3))
  print(debug.getupvalue(g, 1), (debug.getupvalue(g, 2)), type(select(2, debug.getupvalue(g, 2))))
  local co = coroutine.create(function() return g(1, 3) end)
  print(coroutine.resume(co))
  print(debug.traceback(co))
end
show("original", f)
show("round trip", load(string.dump(f)))
show("stripped", load(string.dump(f, true)))
show("stripped twice", load(string.dump(load(string.dump(f, true)))))
-- a main chunk: source kept (or "=?" when stripped)
local m = load("local a = 1\nreturn debug.getinfo(1, 'Sl'), a", "=chunk")
for _, strip in ipairs{false, true} do
  local i = load(string.dump(m, strip))()
  print(strip, i.source, i.short_src, i.currentline, i.what, i.linedefined, i.lastlinedefined)
end
-- the chunk name given to load does not rename a binary chunk
local i = load(string.dump(m), "=other")()
print(i.source)
