-- os.tmpname creates a fresh file named like mkstemp's /tmp/lua_XXXXXX; the name differs per run
local n1, n2 = os.tmpname(), os.tmpname()
print(n1:match("^/tmp/lua_%w%w%w%w%w%w$") ~= nil, n1 ~= n2)
local f = io.open(n1, "r")
print(f ~= nil, f and f:read("a"))
if f then f:close() end
print(os.remove(n1), os.remove(n2))
local g, msg, code = io.open(n1, "r")
print(g, msg == n1 .. ": No such file or directory", code)
