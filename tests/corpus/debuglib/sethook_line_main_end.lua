-- a main chunk that runs off its end executes its final return on the line of
-- its last token: a line event there (when it is a new line)
local function trace(src)
  local f = load(src, "=chunk")
  local lines = {}
  debug.sethook(function(e, l)
    if debug.getinfo(2, "S").source == "=chunk" then lines[#lines + 1] = l end
  end, "l")
  f()
  debug.sethook()
  print(table.concat(lines, " "))
end
trace("local a = 1\nif a then\n  a = 2\nend\n")
trace("local a = 1\nif a then\n  a = 2\nend")
trace("local a = 1\nif a then\n  a = 2\nend\n\n-- a comment\n\n")
trace("local a = 1\nwhile a < 3 do\n  a = a + 1\nend\n")
trace("local a = 1\na = 2")
trace("local a = 1\nreturn a\n")
trace("")
