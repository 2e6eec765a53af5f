-- package / require / attributes probe
local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
P(type(package.searchers), #package.searchers, type(package.searchpath), type(package.loadlib), type(package.config))
P(package.config)
P(type(package.preload), type(package.loaded), package.loaded._G == _G, package.loaded.string == string)
P(type(package.path), type(package.cpath))
local oldpath, oldcpath = package.path, package.cpath
package.path = "/nonexist/?.lua;/nonexist2/?/init.lua"
package.cpath = "/nonexist/?.so"
T("req missing", require, "no.such.mod")
P(package.searchpath("a.b.c", "/x/?.lua;/y/?.x"))
P(package.searchpath("a.b.c", "/x/?.lua;/y/?.x", ".", "/"))
P(package.searchpath("a.b.c", "/x/?.lua", "", ""))
P(package.searchpath("a_b", "/x/?.lua", "_", "-"))
-- write a module
local dir = os.tmpname(); os.remove(dir)
local fname = dir .. "_mod.lua"
local f = assert(io.open(fname, "w"))
f:write("local n, p = ... ; X_ARGS = {n, p} ; return {name = n}\n"); f:close()
package.path = dir .. "_?.lua"
local m, extra = require("mod")
P(type(m), m.name, extra == fname, X_ARGS[1], X_ARGS[2] == fname)
P(package.loaded.mod == m)
local m2, e2 = require("mod"); P(m2 == m, e2)
-- module returning nothing
f = assert(io.open(dir .. "_nothing.lua", "w")); f:write("X_N = (X_N or 0) + 1\n"); f:close()
P(require("nothing"), X_N, package.loaded.nothing)
-- module returning false
f = assert(io.open(dir .. "_fls.lua", "w")); f:write("return false\n"); f:close()
P(require("fls"), package.loaded.fls)
-- module with syntax error
f = assert(io.open(dir .. "_bad.lua", "w")); f:write("x = = 1\n"); f:close()
local ok, err = pcall(require, "bad"); P(ok, (err:gsub(dir, "DIR")))
-- module that errors
f = assert(io.open(dir .. "_err.lua", "w")); f:write("error('boom')\n"); f:close()
ok, err = pcall(require, "err"); P(ok, (err:gsub(dir, "DIR")))
-- preload
package.preload.pre = function(...) P("preload args", ...) return "PRE" end
P(require("pre"))
-- searcher returning string
table.insert(package.searchers, 1, function(n) if n == "zz" then return function(a, b) return "ZZ"..tostring(b) end, "xtra" end return "\n\tno zz here" end)
P(require("zz"))
ok, err = pcall(require, "qq"); P(ok, err)
table.remove(package.searchers, 1)
-- searchers not a table
local s = package.searchers; package.searchers = nil
ok, err = pcall(require, "qq2"); P(ok, err); package.searchers = s
-- loadlib
P(package.loadlib("/nonexist.so", "f"))
P(package.loadlib("/nonexist.so", "*"))
for _, n in ipairs{"mod","nothing","fls","bad","err"} do os.remove(dir .. "_" .. n .. ".lua") end
package.path, package.cpath = oldpath, oldcpath
-- attributes
local x <const> = 10
P(x)
P(load("local x <const> = 1; x = 2"))
P(load("local x <foo> = 1"))
P(load("local x <close>, y <close> = 1, 2"))
do local ok, e = pcall(function() local z <close> = 42 end) P(ok, e) end
do local ok, e = pcall(function() local z <close> = {} end) P(ok, e) end
do local z <close> = nil; local w <close> = false; P("nil/false ok") end
local log = {}
do
  local a <close> = setmetatable({}, {__close = function(o, e) log[#log+1] = "a" .. tostring(e) end})
  local b <close> = setmetatable({}, {__close = function(o, e) log[#log+1] = "b" .. tostring(e) end})
end
P(table.concat(log, ","))
log = {}
ok, err = pcall(function()
  local a <close> = setmetatable({}, {__close = function(o, e) log[#log+1] = "a:" .. tostring(e) end})
  local b <close> = setmetatable({}, {__close = function(o, e) log[#log+1] = "b:" .. tostring(e); error("in b", 0) end})
  error("orig", 0)
end)
P(ok, err, table.concat(log, ","))
P(load("local a <const> = {} ; a.x = 1 return a.x")())
P(load("local function f() local a <const> = 1; return function() a = 2 end end"))
P(select('#', load("goto x; local a <const> = 1; ::x::")))
