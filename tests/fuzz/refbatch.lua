-- lua5.4 tests/fuzz/refbatch.lua LIST: runs many generated programs (tests/fuzz/README.md) in one
-- lua5.4 process, each as `lua5.4 NAME.lua` would run it, so that the reference side of a long hunt
-- costs no process start per program. After each program a marker line goes to stdout and to
-- stderr: "\0\1END <status>\1\0\n", where status is 0, or 1 after an uncaught error (reported as
-- lua.c reports it: "lua5.4: " .. message handler's text). The caller splits both streams at the
-- markers. What keeps the runs apart: the globals and the library tables (and the string
-- metatable) are restored after each program, and a program runs from loadfile (same chunk name),
-- called by xpcall from this main chunk, so error levels 1-3 above the program's main chunk see
-- C functions (xpcall here, pmain in lua.c) and the traceback's last line is rewritten to lua.c's.
-- Valid for the generated programs only (no __gc, no os.exit, no recursion deep enough to make
-- a traceback skip levels, no error level above 3): FuzzRun checks it against separate runs.
local list = assert(io.open(arg[1], "rb"))
local names = {}
for line in list:lines() do names[#names + 1] = line end
list:close()

local function snapshot(t)
  local s = {}
  for k, v in next, t do s[k] = v end
  return s
end
local function restore(t, s)
  for k in next, t do if s[k] == nil then rawset(t, k, nil) end end
  for k, v in next, s do if rawget(t, k) ~= v then rawset(t, k, v) end end
end
local G = _G
local libs = {}
for _, name in ipairs {"string", "table", "math", "coroutine", "utf8", "os", "io", "debug", "package"} do
  libs[#libs + 1] = {G[name], snapshot(G[name])}
end
local strmt = getmetatable("")
libs[#libs + 1] = {strmt, snapshot(strmt)}
libs[#libs + 1] = {package.loaded, snapshot(package.loaded)}
local gsnap = snapshot(G)
local next, type, tostring, getmt, rawget, rawset, xpcall, loadfile = next, type, tostring, debug.getmetatable, rawget, rawset, xpcall, loadfile
local traceback, gsub, find, sub, write, ewrite, flush, setmt, collect = debug.traceback, string.gsub, string.find, string.sub,
  io.write, io.stderr.write, io.stdout.flush, setmetatable, collectgarbage
local stderr, stdout = io.stderr, io.stdout

-- lua.c's msghandler
local function handler(msg)
  if type(msg) ~= "string" and type(msg) ~= "number" then
    local mt = getmt(msg)
    local ts = mt and rawget(mt, "__tostring")
    if ts then
      local s = ts(msg)
      if type(s) == "string" then return s end
    end
    msg = "(error object is a " .. type(msg) .. " value)"
  end
  local tb = traceback(tostring(msg), 2)
  -- below the program's main chunk: this xpcall and this chunk; lua.c has "[C]: in ?" (pmain)
  local at = nil
  local i = 1
  while true do
    local j = find(tb, "\n\t[C]: in function 'xpcall'", i, true)
    if not j then break end
    at, i = j, j + 1
  end
  if at then tb = sub(tb, 1, at - 1) .. "\n\t[C]: in ?" end
  return tb
end

for _, name in ipairs(names) do
  local status = 0
  local f, err = loadfile(name)
  if not f then
    ewrite(stderr, "lua5.4: ", err, "\n")
    status = 1
  else
    local ok, msg = xpcall(f, handler)
    if not ok then
      flush(stdout)
      ewrite(stderr, "lua5.4: ", (gsub(tostring(msg), "%z.*", "")), "\n")
      status = 1
    end
  end
  for _, l in ipairs(libs) do restore(l[1], l[2]) end
  restore(G, gsnap)
  write("\0\1END ", status, "\1\0\n")
  flush(stdout)
  ewrite(stderr, "\0\1END ", status, "\1\0\n")
end
