-- debian: lua-unit
-- LuaUnit 3.4's own unit tests (test/test_luaunit.lua, 4413 lines, and
-- run_unit_tests.lua, copied unchanged from the Debian source package into
-- upstream/luaunit with the licence), run against the installed luaunit.lua:
-- 206 tests of its assertions, failure messages, stack-trace stripping,
-- output formats and command-line parsing. The files are copied into the
-- working folder first (the runner requires 'test.test_luaunit'); os.clock and
-- os.date are made constant (LuaUnit prints durations and dates).
local here = arg[0]:match("^(.*)/") or "."
local S = dofile(here .. "/support/show.lua")
S.where("luaunit")
assert(os.execute("cp -r '" .. here .. "/upstream/luaunit/test' test && cp '" .. here
  .. "/upstream/luaunit/run_unit_tests.lua' ."))
os.clock = function() return 0 end
os.date = function() return "(date)" end
arg = { [0] = "run_unit_tests.lua", "--verbose" }
dofile("run_unit_tests.lua")  -- ends with os.exit(number of failures)
