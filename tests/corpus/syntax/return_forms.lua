local function a() return end
local function b() return; end
local function c() end
local function d() return nil end
print(select('#', a()), select('#', b()), select('#', c()), select('#', d()))
local function e(x)
  if x then return "yes" end
  return "no"
end
print(e(true), e(false))
local function f() do return 1, 2 end end
print(f())
print(load("return 1; ")(), load("do return 5 end")())
print(load("return return"))
print(load("return 1 print(2)"))
