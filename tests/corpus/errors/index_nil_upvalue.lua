local z
local cfg = nil
local function f() return z.field end
local function g() cfg.x = 1 end
local function h() return z[1] end
print(pcall(f))
print(pcall(g))
print(pcall(h))
