-- math.sqrt, and the 5.3 compatibility functions Debian's lua5.4 keeps
for _, x in ipairs{0, -0.0, 1, 2, 4, 1e100, 0.25, 1/0, 2^-1074} do print(x, math.sqrt(x)) end
print(math.sqrt(-1) ~= math.sqrt(-1))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3) ~= math.pow(-8, 1/3), math.pow(0, -1), math.pow("2", "3"))
print(math.pow(-2, 3), math.pow(1, 0/0), math.pow(0/0, 0), math.pow(2, -1074), math.pow(10, 308), math.pow(10, 309))
print(math.log10(1000), math.log10(0.001), math.log10(0), math.log10(2))
print(math.cosh(0), math.sinh(0), math.tanh(0), math.cosh(1), math.sinh(1), math.tanh(1), math.tanh(100), math.sinh(-1000))
print(math.frexp(8), math.frexp(0), math.frexp(-0.0), math.frexp(1/0), math.frexp(3), math.frexp(-0.75), math.frexp(2^-1074))
print(math.ldexp(1, 3), math.ldexp(1.5, -1), math.ldexp(1, 1024), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(3, 2^32 + 1))
print(math.atan2 == math.atan, math.atan2(1, 1))
print(pcall(math.pow, 2))
print(pcall(math.ldexp, 1, 1.5))
