-- lua5.4 tests/modes/corun.lua CASE.lua: runs a corpus case as CorpusModesTest's coroutine mode
-- runs it in luahost (cli/src/test/java/org/luahost/cli/ModeBatch.java): the main chunk as the
-- body of a coroutine resumed once, an uncaught error reported as lua.c reports it (without the
-- traceback, which the comparison leaves out). For the cases of tests/modes/exclusions.txt, whose
-- output depends on running on the main thread, this is what the coroutine mode is compared with.
local name = arg[1]
arg = {[0] = name, [-1] = "lua"}
local function report(msg)
  local text
  if type(msg) == "string" or type(msg) == "number" then
    text = tostring(msg)
  else
    local mt = debug.getmetatable(msg)
    local ts = mt and rawget(mt, "__tostring")
    text = ts and ts(msg) or ("(error object is a " .. type(msg) .. " value)")
  end
  io.stdout:flush()
  io.stderr:write("lua5.4: ", (string.gsub(text, "%z.*", "")), "\n")
  os.exit(1, true)   -- lua.c closes the state after the report: finalizers run
end
local f, err = loadfile(name)
if not f then report(err) end
local co = coroutine.create(f)
local ok, e = coroutine.resume(co)
if ok and coroutine.status(co) ~= "dead" then report("(coroutine mode) the main chunk yielded") end
if not ok then report(e) end
