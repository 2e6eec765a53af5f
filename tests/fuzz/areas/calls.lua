local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
-- string.dump round trips
local function add(a, b) return a + b end
local d = string.dump(add)
P(type(d), d:sub(1, 4) == "\27Lua", #d > 10)
local f2 = load(d, "dumped", "b"); P(f2(2, 3))
P(load(d, "dumped", "t"))
local up = 10
local function useup() return up end
local g = load(string.dump(useup)); P(pcall(g))
debug.setupvalue(g, 1, 77); P(g())
local s = string.dump(function(...) local a, b = ... return select('#', ...), a, b end, true)
P(load(s)(1, 2, 3))
T("dump C", string.dump, print)
local dd = string.dump(load("return 1 + 1"))
P(load(dd)())
-- load with env
local env = {x = 5}
P(load("return x", "c", "t", env)())
P(load("x = 7; return x", "c", "t", env)(), env.x)
local fn = load(string.dump(load("return y")), "d", "b", {y = 9}); P(fn())
-- load reader pieces
local parts = {"return ", "1", " + ", "2"}
local i = 0
P(load(function() i = i + 1 return parts[i] end)())
i = 0; P(load(function() i = i + 1; if i == 1 then return "return 'a'" elseif i == 2 then return "" end return nil end)())
T("reader non-string", load, function() return {} end)
P(load(function() return nil end))
P(load(""))
P(load("   "))
P(load("return", "=name"))
P(load("return", "@file.lua"))
P(load("return", "chunkname"))
P(load("return", string.rep("x", 100)))
P(load("return", "=" .. string.rep("x", 100)))
P(load("return", "@" .. string.rep("x", 100)))
P(load("return\n\n+", "multi\nline"))
-- varargs / select
P(select('#'), select('#', nil), select('#', nil, nil), select(2, 'a', 'b', 'c'), select(-1, 'a', 'b', 'c'))
T("select 0", select, 0, 1)
P(select(5, 1, 2))
local function va(...) return ... end
P(va(), (va(1, 2)), va(1, nil, 3))
P(table.pack(va(nil, nil)).n)
-- deep calls
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
P(sum(10000))
local function tsum(n, acc) if n == 0 then return acc end return tsum(n - 1, acc + n) end
P(tsum(1000000, 0))
-- method call on various
local obj = {v = 3}; function obj:get(x) return self.v + (x or 0) end
P(obj:get(), obj.get(obj, 1), obj:get(2))
-- calling through __call with args
local callable = setmetatable({}, {__call = function(self, a, b) return a, b end})
P(callable(1, 2), pcall(callable, 3, 4))
P(select('#', callable()))
-- long argument lists
local many = {} for k = 1, 200 do many[k] = k end
P(select('#', table.unpack(many)), math.max(table.unpack(many)))
-- closures in loops
local fs = {} for k = 1, 3 do fs[k] = function() return k end end P(fs[1](), fs[2](), fs[3]())
-- function with many params
local src = "return function(" for k = 1, 200 do src = src .. "a" .. k .. (k < 200 and "," or "") end src = src .. ") return a200 end"
P(load(src)()(table.unpack(many)))
-- tostring of functions
P(tostring(print):match("^builtin: ") or tostring(print):match("^function: ") and "function: ok")
P(tostring(add):match("^function: 0x") and "fn ok")
-- getinfo nparams of vararg main
P(debug.getinfo(1, "u").isvararg, debug.getinfo(1, "u").nparams)
-- dump strips
local stripped = load(string.dump(function() error("x") end, true))
P(pcall(stripped))
local nonstripped = load(string.dump(function() error("x") end))
P(pcall(nonstripped))
P(load(string.dump(load("local a = 1\nreturn debug.getinfo(1,'S').source"))) ())
P(#string.dump(add) == #string.dump(add))
-- load of bad binary
P(load("\27Lua\x54\0garbage"))
P(load(d:sub(1, 20)))
P(load(d .. "extra"))
