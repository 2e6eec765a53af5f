local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function sum(t, i) if i > #t then return 0 end return t[i] + sum(t, i + 1) end
local t = {}
for i = 1, 5000 do t[i] = i end
print(sum(t, 1))
local function build(n) if n == 0 then return nil end return {next = build(n - 1)} end
local list = build(10000)
local c = 0
while list do c = c + 1 list = list.next end
print(c)
