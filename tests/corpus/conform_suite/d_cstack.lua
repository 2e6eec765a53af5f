-- conform_suite (part D): C stack limits: nested resumes, metamethod, gsub, tostring, pcall and xpcall recursion, written from the reference manual; lua5.4's output is the expectation
local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); local o = {} for i = 1, r.n do o[#o+1] = tostring(r[i]) end P(name, table.concat(o, " | ")) end
-- nested coroutine chain depth
local function chain(n) if n == 0 then return "bottom" end local co = coroutine.wrap(chain); return co(n - 1) end
local function chain2(n) if n == 0 then return "bottom" end local co = coroutine.create(chain2); return select(2, coroutine.resume(co, n - 1)) end
for _, n in ipairs{100, 190, 197, 198, 199, 200, 1000} do T("chain2 " .. n, chain2, n) end
-- metamethod recursion
local t = setmetatable({}, {}); getmetatable(t).__index = function(t, k) return t[k] end
T("index rec", function() return t.x end)
local u = setmetatable({}, {}); getmetatable(u).__add = function(a, b) return a + b end
T("add rec", function() return u + 1 end)
local v = setmetatable({}, {}); getmetatable(v).__tostring = function(x) return tostring(x) end
T("tostring rec", tostring, v)
T("gsub rec", function() local function f(s) return (string.gsub(s, ".", f)) end return f("a") end)
T("pcall nest", function() local function f() return pcall(f) end return f() end)
T("pcall nest2", function() local n = 0 local function f() n = n + 1; local ok, e = pcall(f); if not ok then return e, n end return ok, e end return f() end)
T("sort rec", function() local function f(a, b) table.sort({3,2,1}, f) return a < b end table.sort({3, 2, 1}, f) end)
T("lua rec", function() local function f(n) return 1 + f(n + 1) end return f(1) end)
T("lua rec msg", function() local function f() return 1 + f() end local ok, e = pcall(f) return e end)
T("newindex rec", function() local w = setmetatable({}, {}); getmetatable(w).__newindex = function(t, k, v) t[k] = v end; w.x = 1 end)
T("concat rec", function() local c = setmetatable({}, {}); getmetatable(c).__concat = function(a, b) return a .. b end; return c .. "x" end)
T("eq rec", function() local mt = {}; mt.__eq = function(a, b) return a == b end; local a, b = setmetatable({}, mt), setmetatable({}, mt); return a == b end)
T("len rec", function() local c = setmetatable({}, {}); getmetatable(c).__len = function(a) return #a end; return #c end)
T("string.rep huge", string.rep, "x", -1)
T("coroutine in mm", function() local c = setmetatable({}, {}); getmetatable(c).__index = function(t, k) return coroutine.wrap(function() return t[k] end)() end; return c.x end)
-- error handler overflow
T("xpcall handler rec", function() return xpcall(error, function(m) error(m) end, "e") end)
T("xpcall handler rec2", function() local function h(m) return h(m) .. "" end return xpcall(error, h, "e") end)
T("xpcall handler tb", function() return xpcall(function() local function f() return f() + 1 end return f() end, function(m) return "H " .. m end) end)
T("error in handler", function() return xpcall(error, function(m) local x = nil; return x.y end, "E") end)
T("error in handler2", function() return xpcall(function() local a = nil; return a() end, function(m) return nil .. m end) end)
