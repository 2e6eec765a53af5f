-- nested wrap calls hit the same limit; the message collects positions
local depth = 0
local function nestw()
  depth = depth + 1
  coroutine.wrap(nestw)()
end
local ok, e = pcall(nestw)
print(ok, depth)
print(e:match("C stack overflow$") ~= nil)
local _, count = e:gsub("c_stack_overflow_wrap.lua:5: ", "")
print("positions", count)
