local x = 1
local function get() return x end
x = 2
print(get())
local function inc() x = x + 1 end
inc() inc()
print(x, get())
for i = 1, 3 do x = x * 2 end
print(get())
