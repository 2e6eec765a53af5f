-- conform_suite (part B): io, os and package, self-checking. Uses files
-- named b_iolib_tmp* in the working folder and removes them.
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
local function is(got, want) assert(got == want, "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]") end
local tmp = "b_iolib_tmp.txt"
local function write(content) local f = assert(io.open(tmp, "wb")); f:write(content); f:close() end

T("io.open modes and errors", function()
  local f, msg, code = io.open("b_iolib_no_such_dir/x.txt", "r")
  is(f, nil); is(msg, "b_iolib_no_such_dir/x.txt: No such file or directory"); is(code, 2)
  is(E(io.open, tmp, "rw"), "bad argument #2 to 'io.open' (invalid mode)")
  is(E(io.open, tmp, "x"), "bad argument #2 to 'io.open' (invalid mode)")
  is(E(io.open, tmp, "r+bx"), "bad argument #2 to 'io.open' (invalid mode)")
  write("abc")
  for _, m in ipairs{"r", "rb", "r+", "r+b", "a", "ab", "a+", "w", "w+", "wb", "w+b"} do
    local h = assert(io.open(tmp, m)); h:close()
  end
  -- w truncates; a appends; r+ overwrites in place
  write("hello")
  local h = assert(io.open(tmp, "a")); h:write(" world"); h:close()
  h = assert(io.open(tmp, "r")); is(h:read("a"), "hello world"); h:close()
  h = assert(io.open(tmp, "r+")); h:write("J"); h:close()
  h = assert(io.open(tmp, "r")); is(h:read("a"), "Jello world"); h:close()
  -- write to a read-only file fails with a message, not an error
  h = assert(io.open(tmp, "r"))
  local r1, r2, r3 = h:write("x")
  is(r1, nil); is(r2, "Bad file descriptor"); is(r3, 9)
  h:close()
  -- operations on a closed file
  is(E(h.read, h), "attempt to use a closed file")
  is(tostring(h), "file (closed)")
  is(io.type(h), "closed file"); is(io.type(io.stdout), "file"); is(io.type(42), nil)
  is(E(function() return h:lines() end), "b_iolib.lua:42: attempt to use a closed file")
  -- closing the standard files
  local ok, m = io.stdout:seek("cur")
  assert(ok ~= nil or m ~= nil)
end)

T("read formats", function()
  write("line1\nline2\n\n  42  3.5e1 0x10 -7 nan\nlast")
  local h = assert(io.open(tmp))
  is(h:read(), "line1")
  is(h:read("L"), "line2\n")
  is(h:read("l"), "")
  is(h:read("n"), 42); is(h:read("n"), 35.0); is(h:read("n"), 16); is(h:read("n"), -7)
  is(h:read("n"), nil)               -- "nan" is not a numeral
  is(h:read(1), "n")                 -- the failed 'n' consumed nothing of "nan"
  is(h:read(0), "")
  is(h:read("a"), "an\nlast")
  is(h:read("a"), "")                -- "a" at end of file gives an empty string
  is(h:read("l"), nil); is(h:read(0), nil); is(h:read(1), nil); is(h:read("n"), nil)
  h:close()
  write("a b c")
  h = assert(io.open(tmp))
  local a, b, c = h:read(1, 1, 1)
  is(a, "a"); is(b, " "); is(c, "b")
  is(E(h.read, h, "x"), "bad argument #2 to '?' (invalid format)")
  is(E(h.read, h, {}), "bad argument #2 to '?' (string expected, got table)")
  -- several formats stop at the first failure
  local r = table.pack(h:read(10, "l", "l"))
  is(r.n, 2); is(r[1], " c"); is(r[2], nil)
  h:close()
  -- *-prefixed formats are still accepted
  write("x\ny")
  h = assert(io.open(tmp))
  is(h:read("*l"), "x"); is(h:read("*a"), "y")
  h:close()
  -- numbers: hexadecimal floats, leading spaces, signs, too long
  write(" 0x1p4 +5 -.5 1e 12345678901234567890 " .. string.rep("1", 300))
  h = assert(io.open(tmp))
  is(h:read("n"), 16.0); is(h:read("n"), 5); is(h:read("n"), -0.5)
  is(h:read("n"), nil)
  h:close()
end)

T("io.lines", function()
  write("a\nbb\n\nccc")
  local got = {}
  for l in io.lines(tmp) do got[#got + 1] = l end
  is(table.concat(got, "|"), "a|bb||ccc")
  got = {}
  for l in io.lines(tmp, "L") do got[#got + 1] = l end
  is(table.concat(got, "|"), "a\n|bb\n|\n|ccc")
  got = {}
  for a, b in io.lines(tmp, 1, 2) do got[#got + 1] = a .. "," .. b end
  is(got[1], "a,\nb")
  write("1 2 3\n4")
  local s = 0
  for n in io.lines(tmp, "n") do s = s + n end
  is(s, 10)
  is(E(io.lines, "b_iolib_missing.txt"), "cannot open file 'b_iolib_missing.txt' (No such file or directory)")
  is(E(function() for l in io.lines("b_iolib_missing.txt") do end end), "b_iolib.lua:101: cannot open file 'b_iolib_missing.txt' (No such file or directory)")
  is(E(io.lines(tmp, "z")), "bad argument #2 to '?' (invalid format)")   -- formats are checked when reading
  local lf = assert(io.open(tmp))
  is(E(function() return lf:lines("z")() end), "b_iolib.lua:" .. debug.getinfo(1, "l").currentline .. ": bad argument #2 to '?' (invalid format)")
  lf:close()
  -- file:lines keeps the file open
  local h = assert(io.open(tmp))
  for l in h:lines() do end
  is(io.type(h), "file")
  h:close()
  -- the iterator of io.lines closes the file at the end and errors after
  local it = io.lines(tmp)
  while it() do end
  is(E(it), "file is already closed")
  -- io.lines returns 4 values
  local r = table.pack(io.lines(tmp))
  is(r.n, 4); is(r[2], nil); is(r[3], nil); is(io.type(r[4]), "file")
  r[4]:close()
end)

T("seek and setvbuf", function()
  write("0123456789")
  local h = assert(io.open(tmp, "r+"))
  is(h:seek(), 0)
  is(h:seek("end"), 10)
  is(h:seek("set", 3), 3)
  is(h:read(2), "34")
  is(h:seek("cur"), 5)
  is(h:seek("cur", -2), 3)
  h:write("X")
  is(h:seek("set"), 0)
  is(h:read("a"), "012X456789")
  local r1, r2, r3 = h:seek("set", -1)
  is(r1, nil); is(r2, "Invalid argument"); is(r3, 22)
  is(E(h.seek, h, "bad"), "bad argument #2 to '?' (invalid option 'bad')")
  is(E(h.seek, h, "set", 1.5), "bad argument #3 to '?' (number has no integer representation)")
  is(h:setvbuf("no"), true); is(h:setvbuf("full", 1024), true); is(h:setvbuf("line"), true)
  is(E(h.setvbuf, h, "bad"), "bad argument #2 to '?' (invalid option 'bad')")
  is(h:flush(), true)
  h:close()
  -- write returns the file, and accepts numbers
  h = assert(io.open(tmp, "w"))
  is(h:write(1, " ", 2.5, " ", "s"), h)
  is(E(h.write, h, {}), "bad argument #2 to '?' (string expected, got table)")
  h:close()
  h = assert(io.open(tmp)); is(h:read("a"), "1 2.5 s"); h:close()
end)

T("tmpfile, default files, io.write/io.read", function()
  local t = io.tmpfile()
  is(io.type(t), "file")
  t:write("temp data")
  t:seek("set")
  is(t:read("a"), "temp data")
  t:close()
  -- io.output / io.input with a file name
  local old = io.output()
  io.output(tmp)
  io.write("via io.write", 1)
  io.close()
  io.output(old)
  io.input(tmp)
  is(io.read("a"), "via io.write1")
  io.close(io.input())
  io.input(io.stdin)
  is(E(io.input, "b_iolib_missing.txt"), "cannot open file 'b_iolib_missing.txt' (No such file or directory)")
end)

T("file __close, __gc, tostring", function()
  do
    local h <close> = assert(io.open(tmp, "w"))
    h:write("closed by tbc")
  end
  local h = assert(io.open(tmp))
  assert(string.find(tostring(h), "^file %(0x%x+%)$") or string.find(tostring(h), "^file %("))
  is(h:read("a"), "closed by tbc")
  is(h:close(), true)
  is(E(h.close, h), "attempt to use a closed file")
  is(E(io.close, 42), "bad argument #1 to 'io.close' (FILE* expected, got number)")
end)

T("os.remove and os.rename errors", function()
  local ok, msg, code = os.remove("b_iolib_missing.txt")
  is(ok, nil); is(msg, "b_iolib_missing.txt: No such file or directory"); is(code, 2)
  ok, msg, code = os.rename("b_iolib_missing.txt", "b_iolib_other.txt")
  is(ok, nil); is(msg, "No such file or directory"); is(code, 2)   -- os.rename names no file
  write("x")
  is(os.rename(tmp, tmp .. "2"), true)
  is(os.remove(tmp .. "2"), true)
  is(E(os.remove), "bad argument #1 to 'os.remove' (string expected, got no value)")
end)

T("os.time and os.date round trips", function()
  local t0 = os.time({year = 2020, month = 2, day = 29, hour = 12, min = 30, sec = 15})
  local d = os.date("*t", t0)
  is(d.year, 2020); is(d.month, 2); is(d.day, 29); is(d.hour, 12); is(d.min, 30); is(d.sec, 15)
  is(d.wday, 7); is(d.yday, 60); is(d.isdst, false)
  is(os.time(d), t0)
  local u = os.date("!*t", 0)
  is(u.year, 1970); is(u.hour, 0); is(u.wday, 5)
  is(os.date("!%Y-%m-%d %H:%M:%S", 86400 + 3661), "1970-01-02 01:01:01")
  is(os.date("!%c", 0), "Thu Jan  1 00:00:00 1970")
  is(os.date("!%x %X %p %j %a %A %b %B %y %%", 0), "01/01/70 00:00:00 AM 001 Thu Thursday Jan January 70 %")
  -- normalisation
  local n = os.date("*t", os.time({year = 2021, month = 13, day = 32, hour = 0}))
  is(n.year, 2022); is(n.month, 2); is(n.day, 1)
  n = os.date("*t", os.time({year = 2021, month = 3, day = 0}))
  is(n.month, 2); is(n.day, 28)
  -- errors
  is(E(os.time, {year = 2020}), "field 'month' missing in date table")
  is(E(os.time, {year = 2020, month = "x", day = 1}), "field 'month' is not an integer")
  is(E(os.time, {year = 2020, month = 1.5, day = 1}), "field 'month' is not an integer")
  is(E(os.date, "%Ez", 0), "bad argument #1 to 'os.date' (invalid conversion specifier '%Ez')")
  is(E(os.date, "%", 0), "bad argument #1 to 'os.date' (invalid conversion specifier '%')")
  is(os.date("!%H", 1.0), "00")
  is(E(os.date, "%H", 1.5), "bad argument #2 to 'os.date' (number has no integer representation)")
  is(math.type(os.time()), "integer")
  is(type(os.clock()), "number")
  is(os.difftime(10, 5), 5.0)
  is(E(os.difftime), "bad argument #1 to 'os.difftime' (number expected, got no value)")
end)

T("os.getenv", function()
  is(os.getenv("B_IOLIB_SURELY_UNSET_VARIABLE"), nil)
  is(type(os.getenv("PATH")), "string")
  is(E(os.getenv), "bad argument #1 to 'os.getenv' (string expected, got no value)")
end)

T("package and require", function()
  is(package.loaded.string, string); is(package.loaded._G, _G)
  is(type(package.path), "string"); is(type(package.cpath), "string")
  is(package.config:sub(1, 2), "/\n")
  is(#package.searchers, 4)
  -- preload
  package.preload["b_iolib_pre"] = function(name, extra) return {name = name, extra = extra} end
  local m, data = require("b_iolib_pre")
  is(m.name, "b_iolib_pre"); is(m.extra, ":preload:"); is(data, ":preload:")
  is(require("b_iolib_pre"), m)
  -- a module that returns nothing is stored as true
  package.preload["b_iolib_nothing"] = function() end
  is(require("b_iolib_nothing"), true)
  is(package.loaded.b_iolib_nothing, true)
  -- a module that sets package.loaded itself
  package.preload["b_iolib_self"] = function(name) package.loaded[name] = "self"; return nil end
  is(require("b_iolib_self"), "self")
  -- not found: the message lists every place searched
  local saved_path, saved_cpath = package.path, package.cpath
  package.path = "./?.b_iolib;./b_iolib_dir/?/init.lua"
  package.cpath = "./?.b_iolib_so"
  local msg = E(require, "b_iolib_missing.mod")
  package.path, package.cpath = saved_path, saved_cpath
  is(msg, "module 'b_iolib_missing.mod' not found:\n\tno field package.preload['b_iolib_missing.mod']\n" ..
          "\tno file './b_iolib_missing/mod.b_iolib'\n\tno file './b_iolib_dir/b_iolib_missing/mod/init.lua'\n" ..
          "\tno file './b_iolib_missing/mod.b_iolib_so'\n\tno file './b_iolib_missing.b_iolib_so'")
  -- searchpath
  write("return 1")
  local p, e = package.searchpath("b_iolib_tmp", "./?.txt;./?.lua")
  is(p, "./b_iolib_tmp.txt"); is(e, nil)
  p, e = package.searchpath("a.b", "x/?.lua;?.y")
  is(p, nil); is(e, "no file 'x/a/b.lua'\n\tno file 'a/b.y'")
  p, e = package.searchpath("a.b", "?.z", ".", "_")
  is(e, "no file 'a_b.z'")
  p, e = package.searchpath("a.b", "?.z", "")
  is(e, "no file 'a.b.z'")
  -- a module loaded from a file gets its file name as second argument
  write("return {...}")
  local saved = package.path
  package.path = "./?.txt"
  local args = require("b_iolib_tmp")
  package.path = saved
  is(args[1], "b_iolib_tmp"); is(args[2], "./b_iolib_tmp.txt")
  package.loaded.b_iolib_tmp = nil
  -- an error while loading the module file
  write("syntax error here")
  package.path = "./?.txt"
  msg = E(require, "b_iolib_tmp")
  package.path = saved
  assert(string.find(msg, "^error loading module 'b_iolib_tmp' from file './b_iolib_tmp.txt':\n\t"), msg)
  -- require with a non-string
  is(E(require), "bad argument #1 to 'require' (string expected, got no value)")
  -- searchers must be a table
  local ss = package.searchers
  package.searchers = nil
  msg = E(require, "b_iolib_x")
  package.searchers = ss
  is(msg, "'package.searchers' must be a table")
  -- a searcher that returns a string adds to the message
  table.insert(package.searchers, 1, function(name) return "\n\tcustom searcher said no" end)
  package.path, package.cpath = "", ""
  msg = E(require, "b_iolib_y")
  table.remove(package.searchers, 1)
  package.path, package.cpath = saved, saved_cpath
  is(msg, "module 'b_iolib_y' not found:\n\t\n\tcustom searcher said no\n\tno field package.preload['b_iolib_y']\n\tno file ''\n\tno file ''")
end)

os.remove(tmp)
print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
