-- collectgarbage("step", 0) does one basic step, 2^stepsize work units times stepmul (about 800 KB
-- by default), not 8 KB: a cycle over 20,000 tables takes 2 of them; with a smaller stepmul, more
-- (issue 12, conformance repro G6).
collectgarbage("incremental")
collectgarbage("stop")
local t = {}
for i = 1, 20000 do t[i] = {} end
collectgarbage()
local function steps(k)
  local n = 0
  repeat n = n + 1 until collectgarbage("step", k) or n > 100000
  return n
end
print("step 0:", steps(0))
print("step 100:", steps(100))
print("step 1000:", steps(1000))
collectgarbage("incremental", 0, 50)
collectgarbage()
print("step 0, stepmul 50:", steps(0))
