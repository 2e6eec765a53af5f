-- Line hook events inside statements spread over several lines (issue 12, D3-D6): lua5.4 reports
-- a line whenever the next instruction's line differs from the previous one's, and gives each
-- instruction the line of the last token read when it was emitted (or the operator's, the call's
-- first line, a closure's 'end').
local function trace(src)
  local f = assert(load(src, "=chunk"))
  local lines = {}
  debug.sethook(function(e, l)
    if debug.getinfo(2, "S").source == "=chunk" then
      lines[#lines + 1] = l
      assert(debug.getinfo(2, "l").currentline == l)
    end
  end, "l")
  local ok, err = pcall(f)
  debug.sethook()
  print((src:gsub("\n", "|")), "=>", table.concat(lines, " "), ok and "" or err)
end
-- D3-D6
trace("local a = 1\nif a then\n  a = 2\nend\n")
trace("if\nmath.sin(1)\nthen\n  a = 1\nend\n")
trace("local b = {10}\na = b[1]\n\n+\n\nb[1]\nb = 4\n")
trace("local f = function()\n  return 1\nend\nf()\n")
-- calls and their arguments
trace("local function id(...) return ... end\nid(\na\n)")
trace("local a\nlocal function id(...) return ... end\nid(\na\n)")
trace("print(\n1,\n2\n)")
trace("local o = {m = function(self, x) return x end}\nlocal r = o\n:\nm(\n1\n)")
trace("local s = tostring\n'x'")
-- stores, locals, returns
trace("function f()\nend")
trace("local t = {}\nfunction t.g()\nend")
trace("local x = \n1")
trace("x\n=\n1")
trace("local t = {}\nt\n.\nx\n=\n1")
trace("local t = {}\nt\n.\nx\n=\n{}")
trace("local a, b = \n1,\n2")
trace("local a, b, c = \n1\n")
trace("return\n1")
trace("local a = 1\nreturn\na")
trace("local a = 1\nreturn\na,\n2")
-- table constructors
trace("local t = {\n1,\n2\n}")
trace("local t = {\nx=1,\ny=2\n}")
trace("local t = {\n[\n'k'\n]\n=\n1,\n2}")
-- operators
trace("local a = 1\nlocal b = a\n+\n2")
trace("local a = 1\nlocal b = a\n..\n'x'")
trace("local a = 1\nlocal b = 'x'\n..\na")
trace("local a = 1\nlocal b = 'x'\n..\na\n..\n'y'")
trace("local a = 1\nlocal b = -\na")
trace("local a = 1\nlocal b = not\na")
trace("local a = 1\nlocal b = a\n<\n2")
trace("local a = nil\nlocal b = a\nor\n2")
trace("local b = nil\n<\n1")
trace("local b = 'x'\n+\n1")
-- conditions and loops
trace("local a = 1\nif\na\nthen\nend")
trace("local a = 1\nif\na == 1\nthen\nend")
trace("local a = 1\nif\na\n==\n1\nthen\nend")
trace("local a = 1\nwhile\na\n<\n3\ndo\na = a + 1\nend")
trace("local a = 1\nrepeat\na = a + 1\nuntil\na\n>\n2")
trace("for _, x in\nipairs({1,2})\ndo\nlocal y = 1\nend")
trace("for _, x in ipairs({1,2}) do\nlocal y = 1\nend")
trace("local c = 0\nfor _, x in ipairs({1,2}) do\n while c < 2 do c = c + 1 end end")
trace("for _, x in\nipairs({1,2})\ndo\nend")
trace("for i = 1,\n2\ndo\nlocal y = 1\nend")
trace("for i = 1,\n2\ndo\nend")
trace("for i = 1, 2 do\nend")
-- the jump back of a while loop and the jump past an if's other branches, on the block's last token
trace("local c = 0\nwhile c < 2 do\n  if c then\n    c = c + 1\n  end\nend")
trace("local c = 0\nwhile c < 2 do\n  c = c + 1\nend")
trace("local c = 0\nif c then\n  if c then\n    c = 1\n  end\nelse\n  c = 2\nend")
trace("local c = 0\nfor i = 1, 2 do\n  if c then\n    c = 1\n  end\nend")
trace("local c = 0\nrepeat\n  if c then\n    c = c + 1\n  end\nuntil c > 1")
trace("local c = 0\nwhile c < 2 do\n  c = c +\n1\nend")
-- unary operators on constants the reference does not fold
trace("local b = -\ntrue")
trace("local b = #\n'abc'")
trace("local b = not\nnil")
