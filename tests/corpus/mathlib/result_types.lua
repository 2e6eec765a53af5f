-- integer/float subtypes of every math function's results
local function ty(...) local t = {} for i = 1, select("#", ...) do t[i] = math.type((select(i, ...))) or type((select(i, ...))) end return table.concat(t, ",") end
print("abs", ty(math.abs(-3)), ty(math.abs(-3.0)), ty(math.abs("3")))
print("floor", ty(math.floor(3)), ty(math.floor(3.5)), ty(math.floor(2^70)), ty(math.floor("3")))
print("ceil", ty(math.ceil(3)), ty(math.ceil(3.5)), ty(math.ceil(-2^70)))
print("fmod", ty(math.fmod(7, 3)), ty(math.fmod(7.0, 3)), ty(math.fmod(7, 3.0)))
print("modf", ty(math.modf(3)), ty(math.modf(3.5)), ty(math.modf(1/0)))
print("max", ty(math.max(1, 2)), ty(math.max(1, 2.0)), ty(math.max(2.0, 1)))
print("sqrt", ty(math.sqrt(4)), "exp", ty(math.exp(0)), "log", ty(math.log(1)), ty(math.log(8, 2)))
print("trig", ty(math.sin(0)), ty(math.cos(0)), ty(math.tan(0)), ty(math.asin(0)), ty(math.acos(1)), ty(math.atan(0)))
print("tointeger", ty(math.tointeger(3.0)), ty(math.tointeger(3.5)))
print("random", ty(math.random()), ty(math.random(3)), ty(math.random(1, 3)), ty(math.random(0)))
print("ult", ty(math.ult(1, 2)), "type", ty(math.type(1)))
print("frexp", ty(math.frexp(3)), "ldexp", ty(math.ldexp(1, 2)), "pow", ty(math.pow(2, 2)))
