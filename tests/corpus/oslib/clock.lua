-- os.clock is the process's CPU time: its value differs from run to run, so
-- only properties are checked (a float, not negative, not decreasing, grows with work).
local c0 = os.clock()
print(math.type(c0), c0 >= 0)
local x = 0
for i = 1, 3000000 do x = x + i % 7 end
local c1 = os.clock()
print(c1 >= c0, x)
local prev, mono = os.clock(), true
for i = 1, 1000 do local c = os.clock() if c < prev then mono = false end prev = c end
print(mono)
