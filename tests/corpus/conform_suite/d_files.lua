-- conform_suite (part D): io and os in depth, self-checking, written from the manual and checked
-- against lua5.4. Uses files named by os.tmpname and removes them.
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
local function list(...) return { n = select("#", ...), ... } end
local function same(t, ...)
  local w = list(...)
  is(t.n, w.n, "count")
  for i = 1, w.n do is(t[i], w[i], "value " .. i) end
end
local tmp, tmp2 = os.tmpname(), os.tmpname()
local function write(content) local f = assert(io.open(tmp, "wb")); f:write(content); f:close() end
local function slurp(name) local f = assert(io.open(name or tmp, "rb")); local s = f:read("a"); f:close(); return s end
local function readn(content, ...)
  write(content)
  local f = assert(io.open(tmp))
  local r = list(f:read(...))
  r.rest = f:read("a")
  f:close()
  return r
end

T("io.open modes", function()
  for _, m in ipairs{ "r", "w", "a", "r+", "w+", "a+", "rb", "wb", "ab", "r+b", "w+b", "a+b" } do
    local f = assert(io.open(tmp, m), m); f:close()
  end
  for _, m in ipairs{ "", "x", "rw", "br", "r+x", "rb+", "+r", "ww", "a++", "r b" } do
    is(EM(io.open, tmp, m), "bad argument #2 to 'io.open' (invalid mode)", "mode '" .. m .. "'")
  end
  same(list(io.open("/nonexistent/dir/file", "r")), nil, "/nonexistent/dir/file: No such file or directory", 2)
  same(list(io.open("/nonexistent/dir/file", "w")), nil, "/nonexistent/dir/file: No such file or directory", 2)
  -- "w" truncates, "a" appends whatever the position, "r+" overwrites in place
  write("hello world")
  local f = assert(io.open(tmp, "r+")); f:write("HE"); f:close(); is(slurp(), "HEllo world")
  f = assert(io.open(tmp, "a+")); f:seek("set", 0); f:write("!"); f:seek("set", 0); is(f:read("a"), "HEllo world!"); f:close()
  f = assert(io.open(tmp, "w")); f:close(); is(slurp(), "")
  is(EM(io.open, tmp, {}), "bad argument #2 to 'io.open' (string expected, got table)")
  is(EM(io.open), "bad argument #1 to 'io.open' (string expected, got no value)")
end)

T("read 'n': every numeral form", function()
  same(readn("0x1A 0X1p4 0x.8 1e2 1E-2 .5e1 5. 0x10P-1", "n", "n", "n", "n", "n", "n", "n", "n"),
       26, 16.0, 0.5, 100.0, 0.01, 5.0, 5.0, 8.0)
  same(readn("  \t\n  -12  +0x10", "n", "n"), -12, 16)
  is(math.type(readn("-0", "n")[1]), "integer")
  is(math.type(readn("1.0", "n")[1]), "float")
  local r = readn("0x7fffffffffffffff 0xffffffffffffffff 9223372036854775807 9223372036854775808", "n", "n", "n", "n")
  same(r, math.maxinteger, -1, math.maxinteger, 9.2233720368547758e18)
  -- failures read what looked like a numeral and return fail; the rest of the arguments is not read
  r = readn("1e+x", "n", "l"); same(r, nil); is(r.rest, "x")
  r = readn("0x.p1 9", "n"); same(r, nil); is(r.rest, "p1 9")
  r = readn("- 5", "n"); same(r, nil); is(r.rest, " 5")
  r = readn("..5", "n"); same(r, nil); is(r.rest, ".5")
  r = readn("1.2.3", "n", "n"); same(r, 1.2, 0.3); is(r.rest, "")
  r = readn("0x1g", "n"); same(r, 1); is(r.rest, "g")
  r = readn("12e", "n"); same(r, nil); is(r.rest, "")
  r = readn("inf", "n"); same(r, nil); is(r.rest, "inf")
  r = readn(string.rep("0", 199) .. "1", "n"); same(r, 1); is(r.rest, "")
  r = readn(string.rep("0", 200) .. "1", "n"); same(r, nil); is(r.rest, "1")
  r = readn("\n\n", "n"); same(r, nil); is(r.rest, "")
  r = readn("10 20\n30", "n", "l", "n"); same(r, 10, " 20", 30)
end)

T("read 'l', 'L', counts, 'a', 0, and their mixtures", function()
  local r = readn("a\n\nb\r\nlast", "l", "L", "l", "L", "l")
  same(r, "a", "\n", "b\r", "last", nil)
  r = readn("abcdef", 2, 0, 3, 10, 0, 1)
  same(r, "ab", "", "cde", "f", nil)
  r = readn("", "a", "a", "l", 0)
  same(r, "", "", nil)
  r = readn("xyz", 0, "a", 0)
  same(r, "", "xyz", nil)
  r = readn("x\0y\nz", "l", "a")
  same(r, "x\0y", "z")
  r = readn("line", "*l", "*a")   -- the old '*' prefix is still accepted
  same(r, "line", "")
  write("abc")
  local f = assert(io.open(tmp))
  -- called through pcall a method has no name, and self is argument #1
  is(EM(f.read, f, "x"), "bad argument #2 to '?' (invalid format)")
  is(EM(f.read, f, "l", {}), "bad argument #3 to '?' (string expected, got table)")
  is(EM(f.read, f, 1.5), "bad argument #2 to '?' (number has no integer representation)")
  -- the reference allocates the count's buffer first: a negative or huge count fails
  is(EM(f.read, f, -1), "not enough memory"); is(EM(f.read, f, math.maxinteger), "not enough memory")
  is(select(2, pcall(function() return f:read("z") end)):gsub("^[^:]*:%d+: ", ""),
     "bad argument #1 to 'read' (invalid format)")
  f:close()
end)

T("io.lines and file:lines", function()
  write("1 2\n3 4\n")
  local t = {}
  for a, b in io.lines(tmp, "n", "n") do t[#t + 1] = a + b end
  is(#t, 2); is(t[1], 3); is(t[2], 7)
  t = {}
  for c in io.lines(tmp, 3) do t[#t + 1] = c end
  is(table.concat(t, "|"), "1 2|\n3 |4\n")
  -- with no file name io.lines reads the default input, which it does not close
  local f = assert(io.open(tmp))
  io.input(f)
  for l in io.lines() do t[#t + 1] = l end
  is(io.type(f), "file")
  io.input():close()
  io.input(io.stdin)
  -- the iterator of io.lines(name) closes its file at the end; calling it again is an error
  local it = io.lines(tmp)
  is(it(), "1 2"); is(it(), "3 4"); is(it(), nil)
  is(EM(it), "file is already closed")
  -- io.lines returns four values: the iterator, nil, nil and the file (a to-be-closed value)
  local r = list(io.lines(tmp))
  is(r.n, 4); is(type(r[1]), "function"); is(r[2], nil); is(r[3], nil); is(io.type(r[4]), "file")
  r[4]:close()
  -- file:lines keeps the file open
  f = assert(io.open(tmp))
  for l in f:lines("L") do t[#t + 1] = l end
  is(io.type(f), "file"); is(f:read("a"), ""); f:close()
  is(EM(f.lines, f), "attempt to use a closed file")
  -- a file closed under a running file:lines iterator
  f = assert(io.open(tmp)); it = f:lines(); is(it(), "1 2"); f:close()
  is(EM(it), "file is already closed")
  -- errors
  same(list(pcall(io.lines, "/nonexistent/file")), false, "cannot open file '/nonexistent/file' (No such file or directory)")
  -- formats are checked when the iterator reads
  it = io.lines(tmp, "x")
  is(EM(it), "bad argument #2 to '?' (invalid format)")
  local args = {}
  for i = 1, 251 do args[i] = "l" end
  is(EM(io.lines, tmp, table.unpack(args)), "bad argument #252 to 'io.lines' (too many arguments)")
  -- a read error in the middle: the iterator raises it
  for a, b in io.lines(tmp, "l", 0) do is(a, "1 2"); is(b, ""); break end
end)

T("seek, setvbuf, write results", function()
  local f = assert(io.open(tmp, "w+"))
  is(f:write("abc", 1, 2.5, "\n"), f)       -- write returns the file
  is(f:seek(), 8); is(f:seek("cur", -3), 5); is(f:read(1), ".")
  is(f:seek("set"), 0); is(f:seek("end"), 8); is(f:seek("end", -8), 0)
  same(list(f:seek("set", -1)), nil, "Invalid argument", 22)
  is(EM(f.seek, f, "middle"), "bad argument #2 to '?' (invalid option 'middle')")
  is(EM(f.seek, f, "set", 1.5), "bad argument #3 to '?' (number has no integer representation)")
  is(f:seek("set", 100), 100); is(f:read("a"), ""); is(f:read(1), nil)
  is(f:setvbuf("no"), true); is(f:setvbuf("full", 1024), true); is(f:setvbuf("line"), true)
  is(EM(f.setvbuf, f, "big"), "bad argument #2 to '?' (invalid option 'big')")
  is(f:write(), f)
  is(EM(f.write, f, {}), "bad argument #2 to '?' (string expected, got table)")
  is(EM(f.write, f, "a", nil), "bad argument #3 to '?' (string expected, got nil)")
  is(select(2, pcall(function() f:write("a", {}) end)):gsub("^[^:]*:%d+: ", ""),
     "bad argument #2 to 'write' (string expected, got table)")
  is(f:flush(), true)
  f:close()
  -- a write to a file opened for reading fails with a message
  f = assert(io.open(tmp, "r"))
  local r = list(f:write("x"))
  is(r[1], nil); is(r[2], "Bad file descriptor"); is(r[3], 9)
  f:close()
  -- chained writes and io.write
  f = assert(io.open(tmp, "w"))
  f:write("a"):write("b"):write(1.0, -0.0, math.mininteger, 1e100, 2^63)
  f:close()
  is(slurp(), "ab1-0-92233720368547758081e+1009.2233720368548e+18")
end)

T("closed files, io.type, tostring", function()
  local f = assert(io.open(tmp, "w"))
  is(io.type(f), "file"); is(io.type(io.stdout), "file"); is(io.type(42), nil); is(io.type({}), nil)
  assert(tostring(f):match("^file %(0x%x+%)$"), tostring(f))
  is(f:close(), true)
  is(io.type(f), "closed file"); is(tostring(f), "file (closed)")
  for _, m in ipairs{ "read", "write", "lines", "seek", "setvbuf", "flush", "close" } do
    is(EM(f[m], f), "attempt to use a closed file", m)
  end
  is(EM(io.close, f), "attempt to use a closed file")
  is(EM(f.read, io), "bad argument #1 to '?' (FILE* expected, got table)")
  is(getmetatable(f).__name, "FILE*")
  is(getmetatable(f).__index.read, f.read)
  same(list(io.stdout:close()), nil, "cannot close standard file")
  is(io.type(io.stdout), "file")
end)

T("io.input, io.output, io.read, io.write with names and files", function()
  write("first\nsecond\n")
  local old_in, old_out = io.input(), io.output()
  is(io.input(tmp), io.input()); is(io.read(), "first"); is(io.read("L"), "second\n"); is(io.read(), nil)
  is(io.read("a"), ""); is(io.read(0), nil)
  io.input():close()
  is(EM(io.read), "default input file is closed")
  is(EM(io.lines), "attempt to use a closed file")
  io.input(old_in)
  local f = io.output(tmp2)
  is(io.type(f), "file"); is(io.output(), f)
  is(io.write("x", 1), f)
  io.close()   -- closes the default output
  is(io.type(f), "closed file")
  is(EM(io.write, "y"), "default output file is closed")
  io.output(old_out)
  is(slurp(tmp2), "x1")
  is(EM(io.input, "/nonexistent/file"), "cannot open file '/nonexistent/file' (No such file or directory)")
  is(EM(io.output, {}), "bad argument #1 to 'io.output' (FILE* expected, got table)")
  -- io.read from stdin at its end (stdin is empty or exhausted here)
  local r = list(io.stdin:read("l", "a"))
end)

T("os.tmpname, os.remove, os.rename", function()
  local name = os.tmpname()
  is(type(name), "string")
  assert(io.open(name)):close()   -- it exists
  same(list(os.remove(name)), true)
  same(list(os.remove(name)), nil, name .. ": No such file or directory", 2)
  same(list(os.rename(name, name .. "x")), nil, "No such file or directory", 2)
  write("r")
  same(list(os.rename(tmp, tmp2)), true)
  is(slurp(tmp2), "r")
  same(list(io.open(tmp)), nil, tmp .. ": No such file or directory", 2)
  same(list(os.remove("/")), nil, "/: Device or resource busy", 16)
  is(EM(os.remove), "bad argument #1 to 'os.remove' (string expected, got no value)")
  is(EM(os.rename, "a"), "bad argument #2 to 'os.rename' (string expected, got no value)")
end)

T("os.date: every conversion, '*t', '!*t', errors", function()
  local t = 946782245   -- 2000-01-02 03:04:05 UTC, a Sunday
  local conv = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
  local want = {
    a = "Sun", A = "Sunday", b = "Jan", B = "January", c = "Sun Jan  2 03:04:05 2000", C = "20", d = "02",
    D = "01/02/00", e = " 2", F = "2000-01-02", g = "99", G = "1999", h = "Jan", H = "03", I = "03", j = "002",
    m = "01", M = "04", n = "\n", p = "AM", r = "03:04:05 AM", R = "03:04", S = "05", t = "\t", T = "03:04:05",
    u = "7", U = "01", V = "52", w = "0", W = "00", x = "01/02/00", X = "03:04:05", y = "00", Y = "2000",
    z = "+0000", Z = "GMT", ["%"] = "%",
  }
  for c in conv:gmatch(".") do is(os.date("!%" .. c, t), want[c], "%" .. c) end
  -- the E and O modifiers of C99
  for _, c in ipairs{ "Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU",
                      "OV", "Ow", "OW", "Oy" } do
    is(os.date("!%" .. c, t), want[c:sub(2)], "%" .. c)
  end
  for _, c in ipairs{ "E", "O", "Ea", "OY", "q", "i", "k", "l", "s", "P", "+", "-d", "10d", "" } do
    is(EM(os.date, "!%" .. c, t), "bad argument #1 to 'os.date' (invalid conversion specifier '%" .. c .. "')", c)
  end
  local d = os.date("!*t", t)
  is(d.year, 2000); is(d.month, 1); is(d.day, 2); is(d.hour, 3); is(d.min, 4); is(d.sec, 5)
  is(d.wday, 1); is(d.yday, 2); is(d.isdst, false)
  local n = 0 for _ in pairs(d) do n = n + 1 end is(n, 9)
  is(os.date("!%Y-%m-%d", 0), "1970-01-01"); is(os.date("!%H:%M:%S", -1), "23:59:59")
  is(os.date("!abc\0def", 0), "abc\0def")
  is(os.date("!", 0), "")
  is(type(os.date()), "string")
  is(EM(os.date, "!%Y", 1.5), "bad argument #2 to 'os.date' (number has no integer representation)")
  is(EM(os.date, "!%Y", "x"), "bad argument #2 to 'os.date' (number expected, got string)")
  is(os.date("!%Y", "0"), "1970")
  is(EM(os.date, "*t", 2^60), "date result cannot be represented in this installation")
  is(EM(os.date, {}), "bad argument #1 to 'os.date' (string expected, got table)")
end)

T("os.time: normalisation and errors", function()
  local function ut(t) return os.time(t) - os.time{ year = 1970, month = 1, day = 2, hour = 0 } + 86400 end
  is(ut{ year = 2000, month = 1, day = 1, hour = 0 }, 946684800)
  -- fields out of range are normalised, as mktime does, and written back into the table
  local t = { year = 2000, month = 14, day = 35, hour = 25, min = 61, sec = 61 }
  local v = os.time(t)
  is(t.year, 2001); is(t.month, 3); is(t.day, 8); is(t.hour, 2); is(t.min, 2); is(t.sec, 1)
  is(t.yday, 67); is(t.wday, 5); is(type(t.isdst), "boolean")
  t = { year = 2000, month = 1, day = 0 }
  os.time(t); is(t.month, 12); is(t.day, 31); is(t.year, 1999); is(t.hour, 12)
  t = { year = 2000, month = 3, day = 1, hour = -1 }
  os.time(t); is(t.day, 29); is(t.month, 2); is(t.hour, 23)
  -- missing fields; hour defaults to 12, min and sec to 0
  is(EM(os.time, { year = 2000, month = 1 }), "field 'day' missing in date table")
  is(EM(os.time, { year = 2000, day = 1 }), "field 'month' missing in date table")
  is(EM(os.time, { month = 1, day = 1 }), "field 'year' missing in date table")
  is(os.time{ year = 2000, month = 1, day = 1 }, os.time{ year = 2000, month = 1, day = 1, hour = 12, min = 0, sec = 0 })
  -- field types and ranges
  is(EM(os.time, { year = 2000, month = 1, day = "x" }), "field 'day' is not an integer")
  is(EM(os.time, { year = 2000, month = 1.5, day = 1 }), "field 'month' is not an integer")
  is(os.time{ year = 2000, month = "2", day = "1" }, os.time{ year = 2000, month = 2, day = 1 })
  is(EM(os.time, { year = 2000, month = 1, day = 2^31 }), "field 'day' is out-of-bound")
  is(EM(os.time, { year = 2000, month = 1, day = -2^31 - 1 }), "field 'day' is out-of-bound")
  is(EM(os.time, { year = 2^31 + 1900, month = 1, day = 1 }), "field 'year' is out-of-bound")
  is(EM(os.time, { year = 2000, month = 1, day = 1, min = 2^40 }), "field 'min' is out-of-bound")
  is(EM(os.time, 1), "bad argument #1 to 'os.time' (table expected, got number)")
  is(math.type(os.time()), "integer")
  is(EM(os.time, { year = 1e10, month = 1, day = 1 }), "field 'year' is out-of-bound")
end)

T("os.difftime, os.clock, os.getenv", function()
  is(os.difftime(10, 4), 6.0); is(math.type(os.difftime(10, 4)), "float")
  is(EM(os.difftime, 5), "bad argument #2 to 'os.difftime' (number expected, got no value)")
  is(EM(os.difftime), "bad argument #1 to 'os.difftime' (number expected, got no value)")
  is(EM(os.difftime, 1.5, 1), "bad argument #1 to 'os.difftime' (number has no integer representation)")
  local c = os.clock(); is(math.type(c), "float"); assert(c >= 0)
  is(os.getenv("THIS_VARIABLE_IS_NOT_SET_12345"), nil)
  is(type(os.getenv("PATH")), "string")
  is(EM(os.getenv), "bad argument #1 to 'os.getenv' (string expected, got no value)")
end)

T("io.popen: modes, close results", function()
  local p = assert(io.popen("echo hello; echo world", "r"))
  is(io.type(p), "file")
  is(p:read("l"), "hello"); is(p:read("a"), "world\n")
  same(list(p:close()), true, "exit", 0)
  same(list(io.popen("exit 3"):close()), nil, "exit", 3)
  same(list(io.popen("kill -9 $$"):close()), nil, "signal", 9)
  p = assert(io.popen("cat > " .. tmp2, "w"))
  is(p:write("piped ", 42), p)
  same(list(p:close()), true, "exit", 0)
  is(slurp(tmp2), "piped 42")
  is(EM(io.popen, "true", "rw"), "bad argument #2 to 'io.popen' (invalid mode)")
  is(EM(io.popen, "true", "x"), "bad argument #2 to 'io.popen' (invalid mode)")
  p = io.popen("true"); p:close()
  is(EM(p.read, p), "attempt to use a closed file")
  same(list(os.execute("exit 5")), nil, "exit", 5)
  same(list(os.execute("true")), true, "exit", 0)
  same(list(os.execute("kill -15 $$")), nil, "signal", 15)
  is(os.execute(), true)
end)

os.remove(tmp); os.remove(tmp2)
print(failed == 0 and "all passed" or (failed .. " failed"))
