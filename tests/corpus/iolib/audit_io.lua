-- Audit of the library against lua5.4: each line below is an expression (or a
-- statement); the case prints what pcall gives for it, so results and error
-- messages are compared with the reference line by line.
tmp = os.tmpname()
local fh = assert(io.open(tmp, "w"))
fh:write("line1\
line2\
3.5 0x10 -7 1e2 nan\
last")
fh:close()
local function show(v)
  local t = type(v)
  if t == "table" or t == "function" or t == "userdata" or t == "thread" then return t end
  if t == "string" then return string.format("%q", v) end
  return tostring(v)
end
local probes = [==[
io.open("/nonexistent/file")
io.open("/nonexistent/file", "w")
io.open(tmp, "rw")
io.open(tmp, "r+b")
io.open(tmp, "rb+")
io.open(tmp, "x")
io.open(tmp, "")
io.open()
io.open("/")
(function() local f = io.open("/", "r") return f:read("a") end)()
(function() local f = io.open(tmp) return f:read("l", "L", "n", "n", "n", "n", "n", "a") end)()
(function() local f = io.open(tmp) return f:read(3, 0, "l") end)()
(function() local f = io.open(tmp) f:read("a") return f:read(0), f:read("a"), f:read("l"), f:read("n") end)()
(function() local f = io.open(tmp) return f:read("x") end)()
(function() local f = io.open(tmp) return f:read("*l", "*a") end)()
(function() local f = io.open(tmp) return f:read({}) end)()
(function() local f = io.open(tmp) return f:seek("end"), f:seek("set", 2), f:read(2), f:seek("cur"), f:seek("cur", -1), f:read(1) end)()
(function() local f = io.open(tmp) return f:seek("bad") end)()
(function() local f = io.open(tmp) return f:seek("set", -10) end)()
(function() local f = io.open(tmp) return f:seek("set", 1.5) end)()
(function() local f = io.open(tmp) return f:setvbuf("no"), f:setvbuf("full", 10), f:setvbuf("line"), f:setvbuf("x") end)()
(function() local f = io.open(tmp) f:close() return f:close() end)()
(function() local f = io.open(tmp) f:close() return f:read() end)()
(function() local f = io.open(tmp) f:close() return io.type(f), tostring(f) end)()
io.type(1), io.type(io.stdout), io.type()
(function() local f = io.open(tmp) return f:write("x") end)()
(function() local t = {} for l in io.lines(tmp) do t[#t+1] = l end return table.concat(t, "|") end)()
(function() local t = {} for a, b in io.lines(tmp, 1, "l") do t[#t+1] = a .. "/" .. tostring(b) end return table.concat(t, "|") end)()
(function() local t = {} for n in io.lines(tmp, "L") do t[#t+1] = n end return #t end)()
io.lines("/nonexistent")
io.lines(tmp, "x")
(function() local it = io.lines(tmp) it() it() it() it() return it() end)()
(function() local it = io.lines(tmp) it() it() it() it() it() return pcall(it) end)()
(function() local f = io.open(tmp) local it = f:lines() for l in it do end return io.type(f) end)()
(function() local f = io.open(tmp) for l in f:lines() do end f:close() return pcall(f.lines, f) end)()
(function() local f = io.tmpfile() f:write("abc", 1, 2.5) f:seek("set") return f:read("a") end)()
(function() local f = io.tmpfile() return f:write({}) end)()
(function() local f = io.tmpfile() return f:write() == f end)()
io.write() == io.stdout
io.read == nil
io.input() == io.stdin, io.output() == io.stdout
(function() local f = io.input(tmp) local l = io.read() io.input():close() return l, pcall(io.read) end)()
(function() io.input(io.stdin) return "ok" end)()
io.input("/nonexistent")
io.output("/nonexistent/x")
io.close()
(function() local p = io.popen("echo hi") return p:read("a"), p:close() end)()
(function() local p = io.popen("exit 3") return p:read("a"), p:close() end)()
io.popen("ls", "rw")
(function() local p = io.popen("cat > /dev/null", "w") p:write("x") return p:close() end)()
io.stdin:close()
io.stderr:setvbuf("no")
io.stdout:flush() == io.stdout
io.flush() == io.stdout
(function() local f = io.open(tmp) local ok = f:read("n") return ok end)()
(function() local f = io.tmpfile() f:write("0x1p4 1e+ .5 5. -.5e1 0x.8 1e1000 --1 +3 0xffffffffffffffffff") f:seek("set") local t = {} for i = 1, 10 do t[i] = tostring(f:read("n")) end return table.concat(t, " ") end)()
(function() local f = io.tmpfile() f:write(("1"):rep(300)) f:seek("set") return f:read("n"), f:read("a"):len() end)()
(function() local f = io.tmpfile() f:write("abc\n\ndef") f:seek("set") return f:read("L", "L", "L", "L") end)()
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end
os.remove(tmp)
