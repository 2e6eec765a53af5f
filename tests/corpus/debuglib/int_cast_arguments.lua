-- The debug library reads levels, local and upvalue indices as C ints: an integer outside the int
-- range wraps (2^32 + 1 is 1, 2^53 is 0), and a float must still have an integer value; getuservalue
-- and setuservalue check their index argument before the userdata (found by the standard-library
-- probe, tests/fuzz/probe.sh).
local function f() return debug.getinfo(2^32 + 1, "S").what end
print(f())
print(debug.getinfo(2^53, "n").name, debug.getinfo(math.mininteger, "S").what)
print(pcall(debug.getinfo, 1.5))
local up = 10
local function g() return up end
print(debug.getupvalue(g, 2^32 + 1))
print(debug.setupvalue(g, 2^32 + 1, 20), up)
print(debug.getupvalue(g, 2^33))
local function h(a, b) local c = 3 return debug.getlocal(2^32 + 1, 2^32 + 3) end
print(h(1, 2))
print(debug.getlocal(h, 2^32 + 2))
print(debug.traceback("msg", 2^32 + 1) == debug.traceback("msg", 1))
print(pcall(debug.getuservalue, nil, true))
print(pcall(debug.getuservalue, 1, 1.5))
print(debug.getuservalue(io.stdout, 2^32 + 1))
print(debug.getuservalue(nil, 2))
print(pcall(debug.setuservalue, 1, 2, print))
print(pcall(debug.setuservalue, 1, 2, 3))
print(pcall(debug.setuservalue, io.stdout))
