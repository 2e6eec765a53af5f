collectgarbage("incremental")
collectgarbage("stop")
local t = {}
for i = 1, 20000 do t[i] = {} end
collectgarbage()
local n = 0
repeat n = n + 1 until collectgarbage("step", 1)
print("several steps to finish a cycle:", n > 10)
print("a step after the cycle does not end one at once:", collectgarbage("step", 1))
