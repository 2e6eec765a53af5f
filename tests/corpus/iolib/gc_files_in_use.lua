-- Files still in use (by an io.lines iterator, a lines method, the default input,
-- a popen handle's iterator, a suspended coroutine) survive collectgarbage();
-- a file only a weak table holds is collected.
local name = os.tmpname()
local f = io.open(name, "w") f:write("a\nb\nc\n") f:close()
for l in io.lines(name) do collectgarbage() collectgarbage() print(l) end
local it = io.open(name):lines()
collectgarbage() collectgarbage()
print(it(), it())
io.input(name)
collectgarbage()
print(io.read("l"))
local p = io.popen("echo hi; echo there")
local pl = p:lines()
p = nil
collectgarbage() collectgarbage()
print(pl(), pl())
local function gen() return io.open(name) end
local t = setmetatable({}, { __mode = "v" })
t[1] = gen()
collectgarbage()
print(t[1])
local co = coroutine.wrap(function() local g = io.open(name) coroutine.yield(1) collectgarbage() return g:read("l") end)
co() collectgarbage() print(co())
os.remove(name)
