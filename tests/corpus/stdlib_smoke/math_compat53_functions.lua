-- Debian's lua5.4 is built with LUA_COMPAT_5_3, which keeps the deprecated math functions
print(type(math.pow), type(math.cosh), type(math.ldexp), type(math.log10), type(math.frexp))
print(math.pow(2, 10), math.log10(1000), math.ldexp(1, 4), math.frexp(8))
