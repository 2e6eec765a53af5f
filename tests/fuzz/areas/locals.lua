local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
local function mk(name, log, err) return setmetatable({}, {__close = function(o, e) log[#log + 1] = name .. "(" .. tostring(e) .. ")"; if err then error(err, 0) end end}) end
-- order and error propagation
local log = {}
T("nested errors", function()
  local a <close> = mk("a", log, "ea")
  local b <close> = mk("b", log, "eb")
  local c <close> = mk("c", log)
  error("body", 0)
end)
P(table.concat(log, " "))
log = {}
T("close err no body err", function() local a <close> = mk("a", log); local b <close> = mk("b", log, "eb"); return "ret" end)
P(table.concat(log, " "))
-- return values preserved
log = {}
P((function() local a <close> = mk("a", log); return 1, 2, 3 end)())
-- break / goto out of block closes
log = {}
for i = 1, 3 do local x <close> = mk("x" .. i, log); if i == 2 then break end end
P(table.concat(log, " "))
log = {}
do local k = 0 ::again:: do local y <close> = mk("y" .. k, log); k = k + 1; if k < 3 then goto again end end end
P(table.concat(log, " "))
-- generic for closing value
log = {}
for v in function(s, c) if c < 3 then return c + 1 end end, nil, 0, mk("for", log) do end
P(table.concat(log, " "))
log = {}
T("for break err", function() for v in function(s, c) if c < 3 then return c + 1 end end, nil, 0, mk("for", log) do error("inloop", 0) end end)
P(table.concat(log, " "))
-- tbc in coroutine closed by coroutine.close
log = {}
local co = coroutine.create(function() local z <close> = mk("z", log); coroutine.yield() end)
coroutine.resume(co); P(coroutine.close(co), table.concat(log, " "))
-- yield inside __close
log = {}
co = coroutine.wrap(function() do local w <close> = setmetatable({}, {__close = function() log[#log+1] = "before"; coroutine.yield("in close"); log[#log+1] = "after" end}) end return "done" end)
P(co(), co(), table.concat(log, " "))
-- const
local K <const> = 10
local S <const> = "str"
P(K * 2, S .. "!")
P(load("local a <const> = 1; local function f() a = 2 end"))
P(load("local a <close> = nil; a = 1"))
-- non closable value
T("bad tbc", function() local x <close> = {} end)
T("bad tbc number", function() local x <close> = 5 end)
T("bad tbc string", function() local s = "x"; local y <close> = s end)
-- __close removed after declaration
T("close removed", function() local mt = {__close = function() end}; local x <close> = setmetatable({}, mt); mt.__close = nil end)
-- tbc with pcall inside __close
log = {}
T("pcall in close", function() local x <close> = setmetatable({}, {__close = function() log[#log+1] = tostring(pcall(error, "inner")) end}) end)
P(table.concat(log, " "))
-- error object in __close is the original error
T("err obj", function() local x <close> = setmetatable({}, {__close = function(_, e) error({e}) end}); error("orig") end)
-- multiple vars with attribs
P(load("local a <const>, b <close> = 1, nil; return a"))
P(load("local a <close>, b <close> = nil, nil"))
-- shadowing
local v = 1; local v = v + 1; P(v)
do local v = 10; P(v) end P(v)
-- locals limit
local src = {} for i = 1, 199 do src[#src+1] = "local a" .. i .. " = " .. i end src[#src+1] = "return a199"
P(load(table.concat(src, "\n"))())
src[#src] = "local a200 = 200 local a201 = 1 return a200"
P(load(table.concat(src, "\n")))
-- tbc in main chunk of load
log = {}
load("local x <close> = ...", "c")(mk("main", log)); P(table.concat(log, " "))
-- tbc and tail calls: return f() is not a tail call with tbc
log = {}
local function inner() return #log end
P((function() local x <close> = mk("t", log); return inner() end)(), table.concat(log, " "))
-- debug.getlocal sees tbc names
P((function() local x <close> = mk("g", {}); return debug.getlocal(1, 1) end)())
