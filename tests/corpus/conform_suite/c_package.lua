-- conform_suite (part C): require and package, self-checking, written from the manual.
-- Writes modules under a folder named after os.tmpname and removes it.
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
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
local function EM(f)
  local ok, msg = pcall(f)
  assert(not ok, "expected an error")
  return (tostring(msg):gsub("^[^:]*:%d+: ", ""))
end
local dir = os.tmpname()   -- unique: the corpus modes may run this file twice at once
os.remove(dir)
dir = dir .. "_pkg"
os.execute("mkdir -p " .. dir .. "/sub")
local made = {}
local function mod(path, src) local f = assert(io.open(dir .. "/" .. path, "w")); f:write(src); f:close(); made[#made + 1] = dir .. "/" .. path end
local saved_path, saved_cpath = package.path, package.cpath

T("package fields", function()
  is(type(package.path), "string"); is(type(package.cpath), "string")
  is(package.config:sub(1, 1), "/"); is(#package.config, 10)
  is(package.config, "/\n;\n?\n!\n-\n")
  is(type(package.searchers), "table"); is(#package.searchers, 4)
  is(type(package.preload), "table"); is(package.loaded._G, _G); is(package.loaded.string, string)
  is(package.loaded.package, package); is(type(package.searchpath), "function"); is(type(package.loadlib), "function")
  is(debug.getregistry()._LOADED, package.loaded); is(debug.getregistry()._PRELOAD, package.preload)
end)

T("searchpath", function()
  mod("m1.lua", "return 1")
  mod("sub/m2.lua", "return 2")
  is(package.searchpath("m1", dir .. "/?.lua"), dir .. "/m1.lua")
  is(package.searchpath("sub.m2", dir .. "/?.lua"), dir .. "/sub/m2.lua")
  is(package.searchpath("sub_m2", dir .. "/?.lua", "_"), dir .. "/sub/m2.lua")
  local p, msg = package.searchpath("nope", "a/?.x;b/?.y;" .. dir .. "/?.z")
  is(p, nil); is(msg, "no file 'a/nope.x'\n\tno file 'b/nope.y'\n\tno file '" .. dir .. "/nope.z'")
  -- a template without '?' is tried as is; empty templates are skipped? (lua5.4: tried as "")
  p, msg = package.searchpath("m1", dir .. "/m1.lua")
  is(p, dir .. "/m1.lua")
  p, msg = package.searchpath("x.y", "?;?.q", "", "")
  is(p, nil); is(msg, "no file 'x.y'\n\tno file 'x.y.q'")
  is(EM(function() return package.searchpath() end), "bad argument #2 to 'searchpath' (string expected, got no value)")
  is(EM(function() return package.searchpath("a") end), "bad argument #2 to 'searchpath' (string expected, got no value)")
end)

T("require: loaded, values, second argument", function()
  package.path = dir .. "/?.lua;" .. dir .. "/?/init.lua"
  mod("r1.lua", "local name, file = ... ; loads = (loads or 0) + 1; return {name = name, file = file}")
  local r, extra = require("r1")
  is(r.name, "r1"); is(r.file, dir .. "/r1.lua"); is(extra, dir .. "/r1.lua")
  local again, extra2 = require("r1")
  is(again, r); is(loads, 1); is(extra2, nil)
  is(package.loaded.r1, r)
  -- a module that returns nothing: true is stored
  mod("r2.lua", "x_r2 = 5")
  is(require("r2"), true); is(package.loaded.r2, true)
  -- a module that sets package.loaded itself
  mod("r3.lua", "package.loaded[...] = 'mine'")
  is(require("r3"), "mine")
  -- a module that returns false: stored as false? (lua5.4: true is stored unless the module set a value)
  mod("r4.lua", "return false")
  local v4 = require("r4")
  is(v4, false); is(package.loaded.r4, false)
  -- init.lua in a folder
  os.execute("mkdir -p " .. dir .. "/pk")
  mod("pk/init.lua", "return 'pk init'")
  is(require("pk"), "pk init")
  -- dotted names use the directory separator
  mod("sub/r5.lua", "return ...")
  is(require("sub.r5"), "sub.r5")
  package.loaded.r1, package.loaded.r2, package.loaded.r3, package.loaded.r4 = nil
  package.loaded.pk, package.loaded["sub.r5"] = nil
end)

T("preload", function()
  package.preload.pre1 = function(...) return select("#", ...), ... end
  local n, data = require("pre1")   -- the loader got the name and ":preload:"; require adds the loader data
  is(n, 2); is(data, ":preload:")
  package.loaded.pre1 = nil; package.preload.pre1 = nil
end)

T("require errors list the tried paths", function()
  package.path = dir .. "/?.lua;" .. dir .. "/?.luac"
  package.cpath = dir .. "/?.so"
  local msg = EM(function() return require("absent.mod") end)
  is(msg, "module 'absent.mod' not found:\n\tno field package.preload['absent.mod']\n\tno file '" .. dir .. "/absent/mod.lua'\n\tno file '"
    .. dir .. "/absent/mod.luac'\n\tno file '" .. dir .. "/absent/mod.so'\n\tno file '" .. dir .. "/absent.so'")
  -- a syntax error in a module
  mod("bad.lua", "return +")
  msg = EM(function() return require("bad") end)
  is(msg, "error loading module 'bad' from file '" .. dir .. "/bad.lua':\n\t" .. dir .. "/bad.lua:1: unexpected symbol near '+'")
  -- a runtime error in a module propagates as is, and nothing is stored
  mod("boom.lua", "error('boom!')")
  msg = EM(function() return require("boom") end)
  is(msg, "boom!")
  is(package.loaded.boom, nil)
  -- require's argument
  is(EM(function() return require() end), "bad argument #1 to 'require' (string expected, got no value)")
  is(EM(function() return require({}) end), "bad argument #1 to 'require' (string expected, got table)")
  -- package.path not a string
  package.path = nil
  msg = EM(function() return require("zz") end)
  is(msg, "'package.path' must be a string")
  package.path = dir .. "/?.lua"
end)

T("searchers", function()
  local s = package.searchers
  is(#s, 4)
  local f, extra = s[2]("absent_thing")
  is(type(f), "string"); is(extra, nil)
  mod("s1.lua", "return 's1'")
  package.path = dir .. "/?.lua"
  local loader, where = s[2]("s1")
  is(type(loader), "function"); is(where, dir .. "/s1.lua")
  is(loader("s1", where), "s1")
  is(s[1]("not_preloaded"), "no field package.preload['not_preloaded']")
  -- a custom searcher first
  table.insert(s, 1, function(name)
    if name == "virtual" then return function(n, x) return "virtual:" .. n .. ":" .. tostring(x) end, "extra" end
    return "\n\tno virtual " .. name
  end)
  is(require("virtual"), "virtual:virtual:extra")
  local msg = EM(function() return require("nonesuch") end)
  -- each searcher's string is added after "\n\t" (lua 5.4.4)
  is(msg, "module 'nonesuch' not found:\n\t\n\tno virtual nonesuch\n\tno field package.preload['nonesuch']\n\tno file '"
    .. dir .. "/nonesuch.lua'\n\tno file '" .. dir .. "/nonesuch.so'")
  table.remove(s, 1)
  package.loaded.virtual = nil
  -- a searcher that errors
  table.insert(s, 1, function() error("searcher failed") end)
  msg = EM(function() return require("whatever") end)
  is(msg, "searcher failed")
  table.remove(s, 1)
end)

T("loadlib", function()
  local f, msg, where = package.loadlib("c_pkg_no_such_lib.so", "f")
  is(f, nil); is(type(msg), "string"); is(where == "open" or where == "absent", true)
end)

for i = #made, 1, -1 do os.remove(made[i]) end
os.execute("rm -rf " .. dir)
package.path, package.cpath = saved_path, saved_cpath
print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
