-- A file that is never closed is closed (and its buffered output written) by
-- its __gc when a full collection finds it unreachable, before
-- collectgarbage() returns.
local function w(name, s) local f = assert(io.open(name, "w")) f:write(s) return 1 end
local name = os.tmpname()
local bad = 0
for i = 1, 20 do
  w(name, "data " .. i)
  collectgarbage()
  local f = assert(io.open(name))
  local got = f:read("a")
  f:close()
  if got ~= "data " .. i then bad = bad + 1 end
end
os.remove(name)
print("unflushed after collectgarbage():", bad)
