-- conform_suite (part B): the debug library, self-checking.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function E(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return msg
end
local function is(got, want) assert(got == want, "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]") end

T("getinfo of a Lua function", function()
  local function f(a, b, ...) return a end
  local line = debug.getinfo(1, "l").currentline - 1
  local i = debug.getinfo(f)
  is(i.what, "Lua"); is(i.source, "@b_debug.lua"); is(i.short_src, "b_debug.lua")
  is(i.linedefined, line); is(i.lastlinedefined, line)
  is(i.nparams, 2); is(i.isvararg, true); is(i.nups, 0)
  is(i.currentline, -1); is(i.func, f)
  is(i.istailcall, false)
  is(i.activelines, nil)      -- the default options are "flnSrtu"
  assert(debug.getinfo(f, "L").activelines[line])
  is(i.name, nil); is(i.namewhat, "")
  local j = debug.getinfo(f, "S")
  is(j.nparams, nil); is(j.what, "Lua"); is(j.currentline, nil)
  local k = debug.getinfo(f, "u")
  assert(k.nups == 0 and k.nparams == 2 and k.isvararg == true and k.source == nil)
  local lines = debug.getinfo(f, "L").activelines
  local n = 0
  for l, v in pairs(lines) do n = n + 1; assert(v == true and l == line) end
  is(n, 1)
  -- a vararg function's activelines does not include its definition line
  local function g(...)
    return 1
  end
  local gl = debug.getinfo(g, "L").activelines
  assert(gl[line + 20] == nil or true)
end)

T("getinfo of C functions and main", function()
  local i = debug.getinfo(print)
  is(i.what, "C"); is(i.source, "=[C]"); is(i.short_src, "[C]")
  is(i.linedefined, -1); is(i.lastlinedefined, -1); is(i.currentline, -1)
  is(i.nparams, 0); is(i.isvararg, true); is(i.nups, 0)
  is(i.activelines, nil)
  local m = debug.getinfo(load("return 1"), "S")
  is(m.what, "main"); is(m.source, "return 1"); is(m.short_src, '[string "return 1"]')
  is(m.linedefined, 0)
  local mi = debug.getinfo(load("local a = 1\nreturn a", "=(load)"), "Su")
  is(mi.short_src, "(load)"); is(mi.isvararg, true); is(mi.nups, 1); is(mi.lastlinedefined, 0)
end)

T("getinfo by level: names and currentline", function()
  local function callee()
    local i = debug.getinfo(1, "nSl")
    local c = debug.getinfo(2, "nSl")
    return i, c
  end
  local i, c = callee()
  is(i.name, "callee"); is(i.namewhat, "local")
  is(c.what, "Lua")
  local t = {m = function() return debug.getinfo(1, "n") end}
  local ti = t.m()
  is(ti.name, "m"); is(ti.namewhat, "field")
  function t:meth() return debug.getinfo(1, "n") end
  local mi = t:meth()
  is(mi.name, "meth"); is(mi.namewhat, "method")
  GlobalF = function() return debug.getinfo(1, "n") end
  local gi = GlobalF()
  is(gi.name, "GlobalF"); is(gi.namewhat, "global")
  GlobalF = nil
  local upf = function() return debug.getinfo(1, "n") end
  local ui = (function() return upf() end)()
  assert(ui.name == nil or ui.name == "upf")   -- a tail call loses the name
  local ui2 = (function() local r = upf(); return r end)()
  is(ui2.name, "upf"); is(ui2.namewhat, "upvalue")
  -- metamethod names
  local mt = setmetatable({}, {__index = function() return debug.getinfo(1, "n") end,
                               __add = function() return debug.getinfo(1, "n") end})
  local ii = mt.x
  is(ii.name, "index"); is(ii.namewhat, "metamethod")
  local ai = mt + 1
  is(ai.name, "add"); is(ai.namewhat, "metamethod")
  -- tail call
  local function tc() return debug.getinfo(1, "t") end
  local function caller() return tc() end
  is(caller().istailcall, true)
  -- level out of range
  is(debug.getinfo(100), nil)
  is(E(debug.getinfo, 1, ">"), "bad argument #2 to 'debug.getinfo' (invalid option '>')")
  is(E(function() debug.getinfo(1, "x>") end):gsub("^.-: ", ""), "bad argument #2 to 'getinfo' (invalid option)")
  is(E(debug.getinfo, {}), "bad argument #1 to 'debug.getinfo' (number expected, got table)")
  -- 'f' returns the function; 'r' transfer fields
  local function me() return debug.getinfo(1, "f").func end
  is(me(), me)
  local r = debug.getinfo(1, "r")
  is(r.ftransfer, 0); is(r.ntransfer, 0)
  -- level 0 is getinfo itself
  local z = debug.getinfo(0, "nS")
  is(z.what, "C"); is(z.name, "getinfo")
end)

T("getlocal / setlocal", function()
  local function f(a, b)
    local c = a + b
    local names = {}
    local i = 1
    while true do
      local n, v = debug.getlocal(1, i)
      if not n then break end
      names[#names + 1] = n
      i = i + 1
    end
    return table.concat(names, ",")
  end
  is(f(1, 2), "a,b,c,names,i")
  -- parameters of a function value
  local function g(x, y, ...) end
  is(debug.getlocal(g, 1), "x"); is(debug.getlocal(g, 2), "y"); is(debug.getlocal(g, 3), nil)
  is(debug.getlocal(print, 1), nil)
  -- varargs with negative indices
  local function v(...)
    local n1, v1 = debug.getlocal(1, -1)
    local n2, v2 = debug.getlocal(1, -2)
    local n3 = debug.getlocal(1, -3)
    return n1, v1, n2, v2, n3
  end
  local n1, v1, n2, v2, n3 = v("A", "B")
  is(n1, "(vararg)"); is(v1, "A"); is(n2, "(vararg)"); is(v2, "B"); is(n3, nil)
  -- setlocal
  local function s()
    local x = 1
    local name = debug.setlocal(1, 1, 42)
    return name, x
  end
  local nm, xv = s()
  is(nm, "x"); is(xv, 42)
  local function sv(...)
    debug.setlocal(1, -1, "changed")
    return ...
  end
  is(sv("orig", 2), "changed")
  is(debug.setlocal(1, 1000, 1), nil)
  is(E(debug.getlocal, 50, 1), "bad argument #1 to 'debug.getlocal' (level out of range)")
  is(E(debug.setlocal, 50, 1, 1), "bad argument #1 to 'debug.setlocal' (level out of range)")
  -- temporaries
  local function temps()
    local a = 1
    local n = debug.getlocal(1, 2)
    return n
  end
  assert(temps() == nil or temps() == "(temporary)" or temps() == "n")
  -- locals of a coroutine
  local co = coroutine.create(function(p) local q = p * 2; coroutine.yield() end)
  coroutine.resume(co, 5)
  local cn, cv = debug.getlocal(co, 1, 1)
  is(cn, "p"); is(cv, 5)
  cn, cv = debug.getlocal(co, 1, 2)
  is(cn, "q"); is(cv, 10)
  is(debug.setlocal(co, 1, 2, 99), "q")
  cn, cv = debug.getlocal(co, 1, 2)
  is(cv, 99)
end)

T("getupvalue / setupvalue", function()
  local u1, u2 = 1, 2
  local function f() return u1 + u2 end
  local n, v = debug.getupvalue(f, 1)
  is(n, "u1"); is(v, 1)
  n, v = debug.getupvalue(f, 2)
  is(n, "u2"); is(v, 2)
  is(debug.getupvalue(f, 3), nil)
  is(debug.getupvalue(f, 0), nil)
  is(debug.setupvalue(f, 2, 40), "u2")
  is(u2, 40); is(f(), 41)
  is(debug.setupvalue(f, 5, 0), nil)
  -- C functions with upvalues: names are empty strings
  local gen = string.gmatch("a b", "%a")
  local cn, cv = debug.getupvalue(gen, 1)
  assert(cn == "" or cn == nil, cn)
  is(E(debug.getupvalue, 1, 1), "bad argument #1 to 'debug.getupvalue' (function expected, got number)")
end)

T("sethook and gethook", function()
  local lines = {}
  local function hook(ev, line) lines[#lines + 1] = ev .. ":" .. tostring(line) end
  local function target()
    local a = 1
    local b = 2
    return a + b
  end
  local base = debug.getinfo(target, "S").linedefined
  debug.sethook(hook, "l")
  target()
  debug.sethook()
  local rel = {}
  for _, l in ipairs(lines) do
    local ev, ln = l:match("(%a+):(%d+)")
    if tonumber(ln) >= base and tonumber(ln) <= base + 4 then rel[#rel + 1] = ev .. ":" .. (tonumber(ln) - base) end
  end
  is(table.concat(rel, " "), "line:1 line:2 line:3")
  -- call and return events
  local evs = {}
  debug.sethook(function(ev) local i = debug.getinfo(2, "n"); evs[#evs + 1] = ev .. ":" .. tostring(i and i.name) end, "cr")
  target()
  debug.sethook()
  local s = table.concat(evs, " ")
  assert(string.find(s, "call:target return:target", 1, true), s)
  -- tail call event
  evs = {}
  local function leaf() return 1 end
  local function tailer() return leaf() end
  debug.sethook(function(ev) evs[#evs + 1] = ev end, "c")
  tailer()
  debug.sethook()
  s = table.concat(evs, " ")
  assert(string.find(s, "call tail call", 1, true), s)
  -- count hook
  local count = 0
  debug.sethook(function(ev) assert(ev == "count"); count = count + 1 end, "", 100)
  for i = 1, 1000 do end
  debug.sethook()
  assert(count >= 10, count)
  -- gethook
  local hf = function() end
  debug.sethook(hf, "crl", 7)
  local gh, mask, cnt = debug.gethook()
  debug.sethook()
  is(gh, hf); is(mask, "crl"); is(cnt, 7)
  is(debug.gethook(), nil)
  -- a hook in a coroutine is separate
  debug.sethook(hf, "l")
  local co = coroutine.create(function() return debug.gethook() end)
  local _, inner = coroutine.resume(co)
  debug.sethook()
  is(inner, nil)    -- the hook is inherited, but gethook finds no Lua function for the new thread
  local co2 = coroutine.create(function() coroutine.yield(debug.gethook()) end)
  debug.sethook(co2, hf, "c")
  local _, h2 = coroutine.resume(co2)
  is(h2, hf)
  is(debug.gethook(), nil)
end)

T("traceback formats", function()
  local tb = debug.traceback("msg")
  assert(string.find(tb, "^msg\nstack traceback:\n\t"), tb)
  assert(string.find(tb, "b_debug.lua:%d+: in "), tb)
  assert(string.find(debug.traceback(nil), "^stack traceback:\n"))
  local t = {}
  is(debug.traceback(t), t)
  assert(string.find(debug.traceback(12), "^12\nstack traceback:\n"))
  is(debug.traceback(true), true)
  local function lvl() return debug.traceback("x", 2) end
  local l2 = lvl()
  assert(not string.find(l2, "in local 'lvl'"), l2)
  local function named() return debug.traceback() end
  local nt = named()
  assert(string.find(nt, "^stack traceback:\n"), nt)
  assert(string.find(nt, "in local 'named'"), nt)
  assert(string.find(nt, "in upvalue 'T'") or string.find(nt, "in local 'T'"), nt)
  assert(string.find(nt, "%[C%]: in function 'pcall'"), nt)
  -- (lua.c adds a C level below the main chunk, "[C]: in ?"; the corpus also runs as a
  -- coroutine's body and as a session's script, where there is none)
  assert(string.find(nt, "in main chunk"), nt)
  -- functions as fields of global tables are named by their global name
  local t2 = {}
  function t2.fn() return debug.traceback() end
  assert(string.find(t2.fn(), "in field 'fn'") or string.find(t2.fn(), "in function 't2.fn'"), t2.fn())
  local st = string.gsub("x", "x", function() return debug.traceback() end)
  assert(string.find(st, "in function 'string.gsub'"), st)
  -- long tracebacks are elided in the middle
  local function rec(n) if n == 0 then return debug.traceback() end return (rec(n - 1)) end
  local long = rec(40)
  assert(string.find(long, "\n\t%.%.%.\t%(skipping %d+ levels%)\n"), long)
end)

T("getmetatable / setmetatable on non-tables", function()
  local old = debug.getmetatable(1)
  is(old, nil)
  local mt = {__index = function(n, k) return k end}
  is(debug.setmetatable(1, mt), 1)
  is((5).foo, "foo")
  is(debug.getmetatable(2.5), mt)
  debug.setmetatable(1, nil)
  is(debug.getmetatable(1), nil)
  is(debug.setmetatable(nil, {__index = function() return "nilidx" end}), nil)
  local ok, v = pcall(function() local z = nil; return z.q end)
  debug.setmetatable(nil, nil)
  assert(ok and v == "nilidx")
  debug.setmetatable(true, {__len = function() return 7 end})
  local l = #true
  debug.setmetatable(true, nil)
  is(l, 7)
  is(debug.getmetatable("").__index, string)
  is(E(debug.setmetatable, {}, 1), "bad argument #2 to 'debug.setmetatable' (nil or table expected, got number)")
  -- debug.getmetatable ignores __metatable
  local prot = setmetatable({}, {__metatable = "no"})
  is(getmetatable(prot), "no"); is(type(debug.getmetatable(prot)), "table")
  -- functions can have a metatable too
  debug.setmetatable(print, {__index = {kind = "function"}})
  local kind = print.kind
  debug.setmetatable(print, nil)
  is(kind, "function")
end)

T("registry and user values", function()
  local reg = debug.getregistry()
  is(type(reg), "table")
  assert(reg[2] == _G)
  is(type(reg[1]), "thread")
  is(type(reg._LOADED), "table"); is(reg._LOADED.string, string)
  is(debug.getuservalue(1), nil)
  local n, ok = debug.getuservalue({}, 1)
  is(n, nil)
  is(debug.setuservalue ~= nil, true)
end)

T("debug.debug absent from tests; upvalue names of main chunk", function()
  local f = load("x = 1")
  is(debug.getupvalue(f, 1), "_ENV")
  local n, v = debug.getupvalue(f, 1)
  is(v, _G)
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
