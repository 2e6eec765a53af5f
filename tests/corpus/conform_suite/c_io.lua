-- conform_suite (part C): the io library in depth, self-checking, written from the manual.
-- Uses two files from os.tmpname and removes them.
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
local function EM(f)
  local ok, msg = pcall(f)
  assert(not ok, "expected an error")
  return (tostring(msg):gsub("^[^:]*:%d+: ", ""))
end
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
local tmp, tmp2 = os.tmpname(), os.tmpname()   -- unique: the corpus modes may run this file twice at once
local function write(content) local f = assert(io.open(tmp, "wb")); f:write(content); f:close() end
local function slurp(name) local f = assert(io.open(name or tmp, "rb")); local s = f:read("a"); f:close(); return s end

T("read 'n': numerals as the lexer reads them", function()
  write("  12  -3.5 0x1F 1e2 0x1p4 .5 5. +7 -0x10\n 99")
  local f = assert(io.open(tmp))
  local a, b, c, d, e, g, h, i, j, k = f:read("n", "n", "n", "n", "n", "n", "n", "n", "n", "n")
  is(a, 12); is(math.type(a), "integer"); is(b, -3.5); is(c, 31); is(d, 100.0); is(math.type(d), "float")
  is(e, 16.0); is(g, 0.5); is(h, 5.0); is(i, 7); is(j, -16); is(k, 99)
  is(f:read("n"), nil)   -- end of file
  f:close()
  write("abc")
  f = assert(io.open(tmp))
  is(f:read("n"), nil)   -- not a numeral: fail
  is(f:read("a"), "abc")  -- nothing consumed: "a" cannot start a numeral
  f:close()
  write("0x")
  f = assert(io.open(tmp)); is(f:read("n"), nil); f:close()
  write("1e")
  f = assert(io.open(tmp)); is(f:read("n"), nil); f:close()
  write("--1")
  f = assert(io.open(tmp)); is(f:read("n"), nil); f:close()
  write("9223372036854775808")
  f = assert(io.open(tmp)); local v = f:read("n"); is(math.type(v), "float"); is(v, 2^63); f:close()
  write(string.rep("1", 300))   -- longer than a numeral may be: fails
  f = assert(io.open(tmp)); is(f:read("n"), nil); f:close()
  write("12abc")
  f = assert(io.open(tmp)); is(f:read("n"), 12); is(f:read("a"), "abc"); f:close()
  write("0x1.8p1 inf nan")
  f = assert(io.open(tmp)); is(f:read("n"), 3.0); is(f:read("n"), nil); f:close()
end)

T("read 'l' 'L' numbers 'a'", function()
  write("line1\nline2\r\n\nlast")
  local f = assert(io.open(tmp))
  is(f:read("l"), "line1"); is(f:read("L"), "line2\r\n"); is(f:read("l"), ""); is(f:read("L"), "last")
  is(f:read("l"), nil); is(f:read("L"), nil); is(f:read("a"), ""); is(f:read("a"), "")
  is(f:read(0), nil)  -- at end of file
  f:close()
  write("abcdef")
  f = assert(io.open(tmp))
  is(f:read(0), ""); is(f:read(2), "ab"); is(f:read(100), "cdef"); is(f:read(1), nil); is(f:read(0), nil)
  f:close()
  f = assert(io.open(tmp))
  local a, b, c = f:read(1, "l", "n")
  is(a, "a"); is(b, "bcdef"); is(c, nil)
  f:close()
  -- the old formats with '*' still work; an unknown one is an error
  write("x\ny\n")
  f = assert(io.open(tmp))
  is(f:read("*l"), "x"); is(f:read("*a"), "y\n")
  is(E(f.read, f, "x"), "bad argument #2 to '?' (invalid format)")   -- called by pcall: no name, and self counts
  is(EM(function() return f:read("x") end), "bad argument #1 to 'read' (invalid format)")
  is(EM(function() return f:read({}) end), "bad argument #1 to 'read' (string expected, got table)")
  f:close()
  -- a read stops at the first failure: later formats give nothing
  write("7 z 8")
  f = assert(io.open(tmp))
  local r = table.pack(f:read("n", "n", "n"))
  is(r.n, 2); is(r[1], 7); is(r[2], nil)
  f:close()
  -- a line with a zero byte
  write("a\0b\nc")
  f = assert(io.open(tmp)); is(f:read("l"), "a\0b"); is(f:read("L"), "c"); f:close()
end)

T("lines with formats", function()
  write("1 2\n3 4\nx\n")
  local got = {}
  for a, b in io.lines(tmp, "n", "n") do got[#got + 1] = a .. ":" .. b end
  is(table.concat(got, ","), "1:2,3:4")
  got = {}
  for l in io.lines(tmp, "L") do got[#got + 1] = l end
  is(table.concat(got), "1 2\n3 4\nx\n")
  got = {}
  for c in io.lines(tmp, 3) do got[#got + 1] = c end
  is(table.concat(got, "|"), "1 2|\n3 |4\nx|\n")
  local f = assert(io.open(tmp))
  got = {}
  for l in f:lines() do got[#got + 1] = l end
  is(#got, 3)
  is(io.type(f), "file")   -- file:lines does not close the file
  f:close()
  -- io.lines with a file name closes it at the end; reading after is an error
  local it = io.lines(tmp)
  is(it(), "1 2"); is(it(), "3 4"); is(it(), "x"); is(it(), nil)
  is(E(it), "file is already closed")
  -- no such file
  is(E(io.lines, "c_io_no_such_file"), "cannot open file 'c_io_no_such_file' (No such file or directory)")
  is(EM(function() return io.lines("c_io_no_such_file") end), "cannot open file 'c_io_no_such_file' (No such file or directory)")
  -- four values: iterator, nil, nil, the file (a to-be-closed value)
  local r = table.pack(io.lines(tmp))
  is(r.n, 4); is(type(r[1]), "function"); is(r[2], nil); is(r[3], nil); is(io.type(r[4]), "file")
  r[4]:close()
  -- the file is closed when the loop is left by break
  local seen
  for l, _ in io.lines(tmp) do seen = l; break end
  is(seen, "1 2")
  local bad = io.lines(tmp, "q")   -- the formats are checked when the iterator reads
  is(E(bad), "bad argument #2 to '?' (invalid format)")
end)

T("write, seek, setvbuf", function()
  local f = assert(io.open(tmp, "w"))
  is(f:write("ab", 12, 3.5, "\n"), f)   -- write returns the file
  is(f:seek(), 8); is(f:seek("set", 1), 1); f:write("X"); is(f:seek("end"), 8)
  is(f:seek("cur", -2), 6)
  is(f:setvbuf("no"), true); is(f:setvbuf("full", 1024), true); is(f:setvbuf("line"), true)
  is(EM(function() return f:setvbuf("other") end), "bad argument #1 to 'setvbuf' (invalid option 'other')")
  is(EM(function() return f:seek("here") end), "bad argument #1 to 'seek' (invalid option 'here')")
  is(EM(function() return f:seek("set", 1.5) end), "bad argument #2 to 'seek' (number has no integer representation)")
  f:close()
  is(slurp(), "aX123.5\n")
  f = assert(io.open(tmp))
  local pos, msg, code = f:seek("set", -1)
  is(pos, nil); is(msg, "Invalid argument"); is(code, 22)
  f:close()
  is(EM(function() return io.write({}) end), "bad argument #1 to 'write' (string expected, got table)")
  f = assert(io.open(tmp, "w"))
  is(EM(function() return f:write("a", nil) end), "bad argument #2 to 'write' (string expected, got nil)")
  f:close()
  -- writing to a file opened for reading fails with a message, not an error
  f = assert(io.open(tmp, "r"))
  local ok, m, c = f:write("zzz")
  is(ok, nil); is(m, "Bad file descriptor"); is(c, 9)
  f:close()
  -- reading a file opened for writing
  f = assert(io.open(tmp, "w"))
  local r, m2, c2 = f:read("a")
  is(r, nil); is(m2, "Bad file descriptor"); is(c2, 9)
  f:close()
end)

T("modes", function()
  write("0123456789")
  local f = assert(io.open(tmp, "r+")); f:write("ab"); f:seek("set", 0); is(f:read("a"), "ab23456789"); f:close()
  f = assert(io.open(tmp, "a+")); f:write("Z"); f:seek("set", 0); is(f:read(3), "ab2"); f:close()
  is(slurp(), "ab23456789Z")
  f = assert(io.open(tmp, "w+")); is(f:read("a"), ""); f:write("new"); f:seek("set"); is(f:read("a"), "new"); f:close()
  -- append mode writes at the end whatever the position
  f = assert(io.open(tmp, "a")); f:seek("set", 0); f:write("!"); f:close()
  is(slurp(), "new!")
  for _, m in ipairs{"", "rw", "r+x", "b", "+", "ra", "rr"} do
    is(EM(function() return io.open(tmp, m) end), "bad argument #2 to 'open' (invalid mode)", "mode " .. m)
  end
  local g, msg, code = io.open("c_io_no_dir/none", "w")
  is(g, nil); is(msg, "c_io_no_dir/none: No such file or directory"); is(code, 2)
end)

T("closed files and io.type", function()
  local f = assert(io.open(tmp, "w"))
  is(io.type(f), "file"); is(io.type(io.stdout), "file"); is(io.type(42), nil); is(io.type({}), nil)
  is(f:close(), true)
  is(io.type(f), "closed file")
  is(tostring(f), "file (closed)")
  is(E(f.write, f, "x"), "attempt to use a closed file")
  is(E(f.read, f), "attempt to use a closed file")
  is(E(f.lines, f), "attempt to use a closed file")
  is(E(f.seek, f), "attempt to use a closed file")
  is(E(f.close, f), "attempt to use a closed file")
  is(E(f.setvbuf, f, "no"), "attempt to use a closed file")
  is(E(f.flush, f), "attempt to use a closed file")
  assert(tostring(io.stdout):match("^file %(0x%x+%)$") or tostring(io.stdout):match("^file %(.+%)$"))
  is(EM(function() return io.close(42) end), "bad argument #1 to 'close' (FILE* expected, got number)")
  is(EM(function() return io.read("x") end), "bad argument #1 to 'read' (invalid format)")
  local mt = getmetatable(io.stdout)
  is(mt.__name, "FILE*")
  is(type(mt.__index), "table"); is(type(mt.__gc), "function"); is(type(mt.__close), "function")
  is(EM(function() return io.stdout.write(1) end), "bad argument #1 to 'write' (FILE* expected, got number)")
end)

T("io.input, io.output, io.read, io.write", function()
  write("first\nsecond\n")
  local old_in, old_out = io.input(), io.output()
  is(io.input(tmp), io.input())
  is(io.read(), "first"); is(io.read("L"), "second\n"); is(io.read(), nil)
  local cur = io.input()
  io.input(old_in)
  is(io.type(cur), "file")
  cur:close()
  local o = io.output(tmp2)
  is(io.output(), o)
  is(io.write("a", 1, "b"), o)
  io.output():close()
  local ok, msg = pcall(io.write, "more")
  is(ok, false); is(msg, "default output file is closed")
  io.output(old_out)
  is(slurp(tmp2), "a1b")
  io.input(tmp2); io.input():close()
  ok, msg = pcall(io.read)
  is(ok, false); is(msg, "default input file is closed")
  io.input(old_in)
  is(EM(function() return io.input("c_io_missing_file") end), "cannot open file 'c_io_missing_file' (No such file or directory)")
  is(E(io.lines(nil, "x")), "bad argument #2 to '?' (invalid format)")
end)

T("tmpfile, close results, io.close()", function()
  local f = io.tmpfile()
  is(io.type(f), "file")
  f:write("hello"); f:seek("set"); is(f:read("a"), "hello")
  is(f:close(), true)
  -- a <close> file is closed on scope exit
  local saved
  do
    local g <close> = assert(io.open(tmp, "w"))
    saved = g
    g:write("x")
  end
  is(io.type(saved), "closed file")
  is(slurp(), "x")
end)

T("popen", function()
  local p = assert(io.popen("echo hi; exit 3"))
  is(p:read("a"), "hi\n")
  local ok, what, code = p:close()
  is(ok, nil); is(what, "exit"); is(code, 3)
  p = assert(io.popen("cat > " .. tmp2, "w"))
  p:write("piped"); is(p:close(), true)
  is(slurp(tmp2), "piped")
  is(EM(function() return io.popen("true", "rw") end), "bad argument #2 to 'popen' (invalid mode)")
  p = assert(io.popen("true"))
  is(io.type(p), "file"); is(tostring(p):match("^file %("), "file (")
  p:close()
end)

os.remove(tmp); os.remove(tmp2)
print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
