-- The last bit of x^y and of the math library's transcendental functions is
-- glibc's (lua5.4 calls the C library): Java's Math/StrictMath round some
-- arguments the other way (10^23 is half an ulp from a tie; over random
-- arguments 0.2% of x^y, 17% of math.atan(y, x), 4% of math.log(x, 2) and
-- math.cosh differed). Printed with %a so every bit shows.
local function A(...) local t = table.pack(...) for i = 1, t.n do t[i] = string.format("%a", t[i]) end return table.concat(t, " ") end
print("pow", A(10^23, 10.0^23, (-10)^23, 20^18.5, 14.1^22, 2^0.5, 3^-7, math.pow(10, 23)))
print("pow exact", A(10^22, 2^-1074, 2^1023, 10^-5, (-2)^63, 0.5^1074))
local k = 10; print("pow var", A(k^23, k^(k + 13)))
print("atan", A(math.atan(1, 10), math.atan(1.5, -1), math.atan(0.3), math.atan(-2, 3), math.atan(5, -0.25)))
print("log2", A(math.log(3, 2), math.log(10, 2), math.log(0.1, 2), math.log(1e300, 2), math.log(8, 2)))
print("log10", A(math.log(3, 10), math.log(2, 10), math.log(1e-7, 10), math.log(1000, 10)))
print("log", A(math.log(3), math.log(0.7), math.log(12345.678), math.log(10, 3), math.log(27, 3)))
print("hyp", A(math.cosh(1), math.cosh(-0.3), math.sinh(0.7), math.tanh(0.4), math.cosh(20)))
print("trig", A(math.sin(1e10), math.cos(3), math.tan(1.5), math.asin(0.3), math.acos(-0.6), math.acos(0.9)))
print("exp", A(math.exp(1), math.exp(-3.3), math.exp(700), math.exp(0.1)))
-- the same in a loop hot enough for the compiled tier
local acc = 0
for i = 1, 3000 do acc = acc + (i / 7) ^ 1.3 + math.atan(i, 7) + math.log(i, 2) + math.cosh(i / 1000) end
print("loop", A(acc))
print(10^23 == 1e23, 10^23 > 1e23)
