-- conform_suite (part D): require and package beyond the basics, self-checking, written from the
-- manual (6.3) and checked against lua5.4. Modules live in a temporary folder, removed at the end.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function EM(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return (tostring(msg):gsub("^[^:]*:%d+: ", ""))
end
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
local dir = os.tmpname()
os.remove(dir)
dir = dir .. "_attrib"
os.execute("mkdir -p " .. dir .. "/a/b")
local function mod(path, src) local f = assert(io.open(dir .. "/" .. path, "w")); f:write(src); f:close() end
local saved = { path = package.path, cpath = package.cpath, searchers = package.searchers }
local function restore()
  package.path, package.cpath, package.searchers = saved.path, saved.cpath, saved.searchers
end

T("searchpath: templates, separators, replacements", function()
  mod("a/b/c.lua", "return 'abc'")
  mod("a/b.lua", "return 'ab'")
  local p = dir .. "/?.lua"
  is(package.searchpath("a.b.c", p), dir .. "/a/b/c.lua")
  is(package.searchpath("a.b", p), dir .. "/a/b.lua")
  is(package.searchpath("a_b", p, "_"), dir .. "/a/b.lua")
  is(package.searchpath("a/b", p, "/", "."), nil)   -- "a.b.lua" does not exist
  is(package.searchpath("a.b", p, ""), nil)           -- no separator: "a.b" is used as is
  is(package.searchpath("a-b-c", p, "-", "/"), dir .. "/a/b/c.lua")
  -- every '?' of a template is replaced; empty templates between ';' are tried as ""
  local f, msg = package.searchpath("x", "?/?.lua;;" .. dir .. "/?")
  is(f, nil); is(msg, "no file 'x/x.lua'\n\tno file ''\n\tno file '" .. dir .. "/x'")
  f, msg = package.searchpath("x", "")
  is(f, nil); is(msg, "no file ''")
  -- a folder is not a file that can be opened for reading? (it can: fopen succeeds on Linux)
  is(package.searchpath("a", dir .. "/?"), dir .. "/a")
  is(EM(package.searchpath, "x", {}), "bad argument #2 to 'package.searchpath' (string expected, got table)")
  is(EM(package.searchpath, "x", "?", {}), "bad argument #3 to 'package.searchpath' (string expected, got table)")
  is(package.searchpath(1, dir .. "/?"), nil)   -- numbers are strings here
end)

T("require: the second value, package.loaded, reloading", function()
  package.path = dir .. "/?.lua"
  mod("m1.lua", "count = (count or 0) + 1\nreturn { args = table.pack(...) }")
  local m, where = require("m1")
  is(m.args.n, 2); is(m.args[1], "m1"); is(m.args[2], dir .. "/m1.lua"); is(where, dir .. "/m1.lua")
  local m2, where2 = require("m1")
  is(m2, m); is(where2, nil); is(count, 1)
  -- false in package.loaded means "not loaded": require loads again
  package.loaded.m1 = false
  local m3 = require("m1")
  is(count, 2); assert(m3 ~= m)
  -- any true value counts as loaded
  package.loaded.m1 = 0
  is(require("m1"), 0); is(count, 2)
  package.loaded.m1 = nil
  -- a module that returns nil but set package.loaded keeps that value
  mod("m2.lua", "package.loaded.m2 = 'set inside'; return nil")
  is(require("m2"), "set inside")
  -- a module that returns a value overrides what it set
  mod("m3.lua", "package.loaded.m3 = 'set inside'; return 'returned'")
  is(require("m3"), "returned"); is(package.loaded.m3, "returned")
  -- several values returned: only the first is kept
  mod("m4.lua", "return 1, 2, 3")
  local a, b, c = require("m4")
  is(a, 1); is(b, dir .. "/m4.lua"); is(c, nil)
  -- a module requiring itself while loading gets what is in package.loaded: nothing yet, so it loads again
  mod("m5.lua", "depth = (depth or 0) + 1\nif depth < 3 then require('m5') end\nreturn depth")
  is(require("m5"), 3)
  for _, k in ipairs{ "m1", "m2", "m3", "m4", "m5" } do package.loaded[k] = nil end
  restore()
end)

T("errors from modules and loaders", function()
  package.path = dir .. "/?.lua"
  mod("e1.lua", "error({code = 7})")
  local ok, e = pcall(require, "e1")
  is(ok, false); is(type(e), "table"); is(e.code, 7); is(package.loaded.e1, nil)
  mod("e2.lua", "local x = \n")
  is(EM(require, "e2"), "error loading module 'e2' from file '" .. dir .. "/e2.lua':\n\t" .. dir ..
    "/e2.lua:2: unexpected symbol near <eof>")
  mod("e3.lua", "error('at level 2', 2)")
  ok, e = pcall(require, "e3")
  is(e, "at level 2")   -- level 2 is require itself, a C function: no position
  -- a module that is a folder: found (it can be opened), then it cannot be read
  package.path = dir .. "/?"
  is(EM(require, "a"), "error loading module 'a' from file '" .. dir .. "/a':\n\tcannot read " .. dir .. "/a: Is a directory")
  is(select(2, loadfile(dir .. "/a")), "cannot read " .. dir .. "/a: Is a directory")
  is(select(2, loadfile(dir .. "/nothing")), "cannot open " .. dir .. "/nothing: No such file or directory")
  package.loaded.e3 = nil
  restore()
end)

T("searchers: replaced, returning odd values, the loader data", function()
  local log = {}
  package.searchers = {
    function(name) log[#log + 1] = "s1 " .. name; return nil end,
    function(name) log[#log + 1] = "s2 " .. name; return "\n\tcustom message for " .. name end,
    function(name) log[#log + 1] = "s3 " .. name; return 42 end,
    function(name)
      if name == "found" then return function(n, data) return { n = n, data = data } end, { "data" } end
    end,
  }
  local m, data = require("found")
  is(m.n, "found"); is(m.data[1], "data"); is(data, m.data)
  is(table.concat(log, ","), "s1 found,s2 found,s3 found")
  local msg = EM(require, "missing")
  -- nil adds nothing, a string (or a number) is added after "\n\t"
  is(msg, "module 'missing' not found:\n\t\n\tcustom message for missing\n\t42")
  package.searchers = { function() return true end, function() return {} end }
  is(EM(require, "odd"), "module 'odd' not found:")
  -- a loader returning nothing: true is stored
  package.searchers = { function() return function() end, nil end }
  is(require("nothing"), true); is(package.loaded.nothing, true)
  -- a searcher that is not a function
  package.searchers = { 1 }
  is(EM(require, "x1"), "attempt to call a number value")
  package.searchers = {}
  is(EM(require, "x2"), "module 'x2' not found:")
  package.searchers = nil
  is(EM(require, "x3"), "'package.searchers' must be a table")
  package.loaded.found, package.loaded.nothing = nil
  restore()
end)

T("the standard searchers one by one", function()
  package.path = dir .. "/?.lua"
  package.cpath = dir .. "/?.so"
  local s = package.searchers
  -- 1: preload, its loader data is ":preload:"
  package.preload.pl = function(...) return select("#", ...), ... end
  local f, d = s[1]("pl")
  is(f, package.preload.pl); is(d, ":preload:")
  is(s[1]("nopl"), "no field package.preload['nopl']")
  package.preload.pl = nil
  -- 2: Lua files
  mod("lf.lua", "return ...")
  f, d = s[2]("lf")
  is(type(f), "function"); is(d, dir .. "/lf.lua")
  local n, w = f("other name", "other data")
  is(n, "other name"); is(w, "other data")
  is(s[2]("nolf"), "no file '" .. dir .. "/nolf.lua'")
  -- 3: C libraries; 4: the all-in-one loader (the root name)
  is(s[3]("a.b"), "no file '" .. dir .. "/a/b.so'")
  is(s[4]("a.b"), "no file '" .. dir .. "/a.so'")
  is(s[4]("single"), nil)    -- a name without a dot: nothing to try
  -- a file that is not a library
  mod("notlib.so", "not a shared object")
  local msg = EM(require, "notlib")
  assert(msg:find("^error loading module 'notlib' from file '" .. dir:gsub("%p", "%%%0") .. "/notlib.so':\n\t"), msg)
  -- path templates come from package.path at the time of the search
  package.path = {}
  is(EM(s[2], "zz"), "'package.path' must be a string")
  package.cpath = {}
  is(EM(s[3], "zz"), "'package.cpath' must be a string")
  restore()
end)

T("package.loadlib", function()
  -- luahost loads no C libraries: it answers "absent" (README, package) where lua5.4 says "open"
  local f, msg, where = package.loadlib(dir .. "/none.so", "luaopen_none")
  is(f, nil); is(where == "open" or where == "absent", true); is(type(msg), "string")
  f, msg, where = package.loadlib(dir .. "/none.so", "*")
  is(f, nil); is(where == "open" or where == "absent", true)
  is(EM(package.loadlib, dir .. "/none.so"), "bad argument #2 to 'package.loadlib' (string expected, got no value)")
end)

T("package.config and templates built from it", function()
  local sep, psep, mark, edir, ign = package.config:match("^(.)\n(.)\n(.)\n(.)\n(.)\n$")
  is(sep, "/"); is(psep, ";"); is(mark, "?"); is(edir, "!"); is(ign, "-")
  -- the executable's folder mark '!' stays as is in templates on POSIX systems
  local f, msg = package.searchpath("q", "!/?.lua")
  is(msg, "no file '!/q.lua'")
end)

os.execute("rm -rf " .. dir)
print(failed == 0 and "all passed" or (failed .. " failed"))
