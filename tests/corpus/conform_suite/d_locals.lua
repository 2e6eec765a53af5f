-- conform_suite (part D): <const> and <close> locals: errors, order, errors in __close, loops, goto, return, coroutine.close, limits, written from the reference manual; lua5.4's output is the expectation
local function P(...) print(...) end
local function LD(s) local f, e = load(s) return f and "function" or e end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); local o = {} for i = 1, r.n do o[#o+1] = tostring(r[i]) end P(name, table.concat(o, " | ")) end
local function C(name, log, err) return setmetatable({}, {__close = function(o, e) log[#log+1] = name .. "(" .. (type(e) == "table" and "tbl" or tostring(e)) .. ")"; if err then error(err, 0) end end}) end
-- const errors are compile-time
P(LD("local x <const> = 1; x = 2"))
P(LD("local x <close> = nil; x = 2"))
P(LD("local x <foo> = 1"))
P(LD("local x <const>, y <close> = 1, nil"))
P(LD("local x <close>, y <close> = nil, nil"))
P(LD("local function f() local x <const> = {} ; return function() x = 1 end end"))
P(LD("local x <const> = 1; local function f() x = 2 end"))
-- order
local log = {}
do local a <close> = C("a", log); local b <close> = C("b", log); local c <close> = C("c", log) end
P(table.concat(log, " "))
-- error in body; closes get the error
log = {}
T("body err", function() local a <close> = C("a", log); local b <close> = C("b", log); error("E", 0) end)
P(table.concat(log, " "))
-- error in __close replaces
log = {}
T("close err", function() local a <close> = C("a", log, "EA"); local b <close> = C("b", log, "EB"); error("E", 0) end)
P(table.concat(log, " "))
log = {}
T("close err normal", function() local a <close> = C("a", log, "EA"); local b <close> = C("b", log); return "ret" end)
P(table.concat(log, " "))
-- non-closable
T("non closable", function() local x <close> = {} end)
T("non closable num", function() local x <close> = 42 end)
T("nil false ok", function() local x <close> = nil; local y <close> = false; return "fine" end)
-- tbc in loops with break/goto/return
log = {}
for i = 1, 3 do local x <close> = C("L" .. i, log); if i == 2 then break end end
P(table.concat(log, " "))
log = {}
do
  local i = 0
  ::top::
  i = i + 1
  do local x <close> = C("G" .. i, log); if i < 3 then goto top end end
end
P(table.concat(log, " "))
log = {}
local function r() local x <close> = C("R", log); return "v", log[1] end
P(r(), table.concat(log, " "))
-- return values preserved when close runs
local function r2() local x <close> = C("R2", log); local t = {1, 2, 3}; return table.unpack(t) end
P(r2())
-- tail call with tbc is not a tail call
local function r3() local x <close> = C("R3", log); return select("#", 1, 2) end
P(r3())
-- generic for closing value
log = {}
local function iter(t) return function(s, i) i = i + 1; if t[i] then return i, t[i] end end, nil, 0, C("for", log) end
for i, v in iter({1, 2, 3}) do if i == 2 then break end end
P(table.concat(log, " "))
log = {}
for i, v in iter({1, 2}) do end
P(table.concat(log, " "))
log = {}
T("for err", function() for i, v in iter({1, 2}) do error("in for", 0) end end)
P(table.concat(log, " "))
T("for nonclosable", function() for i in function() end, nil, nil, {} do end end)
-- pcall with close
log = {}
P(select(2, pcall(function() local x <close> = C("P", log); error({code = 1}) end)).code)
P(table.concat(log, " "))
-- coroutine.close runs pending
log = {}
local co = coroutine.create(function() local a <close> = C("ca", log); local b <close> = C("cb", log, "CBERR"); coroutine.yield() end)
coroutine.resume(co)
P(coroutine.close(co)); P(table.concat(log, " "))
-- warnings on close errors? (error in __close during error)
log = {}
T("double", function() local a <close> = C("a", log, "first"); local b <close> = C("b", log, "second"); error("orig", 0) end)
P(table.concat(log, " "))
-- shadowing and multiple tbc in nested blocks
log = {}
do
  local x <close> = C("outer", log)
  do local x <close> = C("inner", log) end
  log[#log+1] = "mid"
end
P(table.concat(log, " "))
-- const folding
local K <const> = 10
local S <const> = "abc" .. "def"
local F <const> = 2.5
local function kf() return K * 2, S, F, #S end
P(kf())
local N <const> = nil
P(N, type(N))
-- locals limit
local src = {"local a1"} for i = 2, 200 do src[#src+1] = "local a" .. i end
P(LD(table.concat(src, "\n")))
src = {"local a1"} for i = 2, 201 do src[#src+1] = "local a" .. i end
P(LD(table.concat(src, "\n")))
-- upvalue limit
src = {} for i = 1, 256 do src[#src+1] = "local u" .. i .. " = " .. i end
src[#src+1] = "return function() return " for i = 1, 256 do src[#src+1] = (i > 1 and "+ " or "") .. "u" .. i end src[#src+1] = " end"
P(LD(table.concat(src, "\n")))
-- scope of local function
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
P(fact(10))
local lf = function(n) return n and lf end
P(pcall(lf, 1))
-- repeat scope
local rr = 0
repeat local z = rr; rr = rr + 1 until z >= 2
P(rr)
