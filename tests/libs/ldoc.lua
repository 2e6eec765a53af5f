-- debian: lua-ldoc lua-penlight
-- LDoc 1.4.6 (Debian lua-ldoc, Lua 5.1 folder), the documentation generator,
-- run unchanged as /usr/bin/ldoc runs it (the script itself, shebang line and
-- all, through dofile) over installed sources written by others: it lexes
-- and parses the Lua, reads the doc comments, expands Markdown and its
-- templates (pl.template) and writes HTML, which the driver prints. lfs is C:
-- both interpreters get the pure-Lua stand-in in support/lfs.lua; os.date is
-- made constant (the pages carry the date they were made). The last run
-- names a missing file: ldoc quits with os.exit, and the driver exits 0.
local here = arg[0]:match("^(.*)/") or "."
local S = dofile(here .. "/support/show.lua")
S.use51()
dofile(here .. "/support/lfs.lua")
S.where("ldoc.doc")
local date = os.date
os.date = function(fmt, t) return date(fmt, t or 86400 * 365) end
local cwd = require("lfs").currentdir():gsub("%p", "%%%0")  -- a pattern
local print0 = print
print = function(...)  -- ldoc names the output folder by its full path: a temporary one
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]):gsub(cwd, "<cwd>", 1) end
  print0(table.unpack(t, 1, t.n))
end
local exit = os.exit
os.exit = function(code, close)  -- ldoc quits with os.exit(-1) on a missing input
  io.stdout:flush()
  print("ldoc exit status", code)
  exit(0, close)
end
local function run(...)
  arg = { [0] = "/usr/bin/ldoc", ... }
  print("ldoc " .. table.concat(arg, " "))
  local ok, err = pcall(dofile, "/usr/bin/ldoc")
  print("returned", ok, err)
end
local function dump(dir)
  local p = io.popen("cd " .. dir .. " && find . -type f | LC_ALL=C sort")
  for name in p:lines() do
    local f = assert(io.open(dir .. "/" .. name, "rb"))
    local text = f:read("a")
    f:close()
    print("== " .. name .. " (" .. #text .. " bytes)")
    if not name:match("%.css$") then io.write(text, "\n") end
  end
  p:close()
end
run("-d", "out1", "/usr/share/lua/5.1/binaryheap.lua")
dump("out1")
run("-d", "out2", "-f", "markdown", "-t", "Lists", "/usr/share/lua/5.1/pl/List.lua")
dump("out2")
run("-d", "out3", "-a", "/usr/share/lua/5.1/say")
dump("out3")
run("-d", "out4", "/no/such/file.lua")
