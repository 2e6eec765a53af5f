local function inf(n) return 1 + inf(n + 1) end
-- a tail-recursive loop does not grow the stack
local n = 0
local function bounded() n = n + 1 if n < 300000 then return bounded() end return n end
print(bounded())
-- overflow inside a coroutine is caught by pcall inside it
local co = coroutine.wrap(function() return select(2, pcall(inf, 1)):match("stack overflow") end)
print(co())
