-- debian: lua-check lua-penlight lua-argparse
-- luacheck 1.1's command-line program (Debian lua-check, Lua 5.1 folder), run
-- as /usr/bin/luacheck runs it, on installed sources written by others: every
-- module of Penlight (a folder, expanded through lfs.dir; luacheck.lua lints
-- luacheck's own sources), argparse and a missing file, with warning codes,
-- ranges and the summary. LuaFileSystem is C, so both
-- interpreters get the pure-Lua stand-in in support/lfs.lua. luacheck ends
-- with os.exit(N) when it warns; the driver prints that status and exits 0.
local here = arg[0]:match("^(.*)/") or "."
local S = dofile(here .. "/support/show.lua")
S.use51()
dofile(here .. "/support/lfs.lua")
S.where("luacheck.main")
local exit = os.exit
os.exit = function(code, close)
  io.stdout:flush()
  print("luacheck exit status", code)
  exit(0, close)
end
arg = { "--codes", "--ranges", "--no-cache", "--no-color", "-j", "1", "--std", "max",
  "/usr/share/lua/5.1/pl", "/usr/share/lua/5.1/argparse.lua", "/no/such/file.lua" }
arg[0] = "luacheck"
require("luacheck.main")
