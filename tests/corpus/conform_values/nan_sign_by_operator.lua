-- The sign of the NaN each operation gives (printed nan or -nan, as glibc prints it): % follows C's fmod,
-- ^ glibc's pow (a negative NaN to an odd integer power is positive), other operators x86's rules
local n, m = 0/0, -(0/0)
local function s(x) return tostring(x) end
print("pow", s(n^2), s(m^2), s(n^0.5), s(m^0.5), s(2^n), s(2^m), s(n^n), s(m^n), s(n^m), s(n^3), s(n^-1), s((-8)^(1/3)), s((-2)^0.5), s(math.huge^n), s(n^1), s(m^1), s(n^2.0), s(1^n), s(n^0))
print("mod", s(n % m), s(m % n), s(5 % n), s(5 % m), s(5.5 % 0), s(-5.5 % 0), s(0.0 % 0.0), s(math.huge % math.huge), s(-math.huge % 3), s(3 % math.huge), s(n % math.huge), s(math.huge % n))
print("idiv", s(n // 2), s(m // 2), s(5 // n), s(5 // m), s(0.0 // 0.0), s(math.huge // math.huge), s(-math.huge // math.huge), s(math.huge // 0.0))
print("div", s(0/0), s(-0.0/0.0), s(0.0/-0.0), s(n/m), s(m/n), s(math.huge/math.huge))
print("mul", s(math.huge * 0), s(-math.huge * 0), s(0 * math.huge), s(math.huge * -0.0))
print("sub", s(math.huge - math.huge), s(-math.huge + math.huge), s(math.huge + -math.huge))
print("unm", s(-n), s(-m), s(-(n*1)), s(0 - n), s(0 - m))
print("math", s(math.sqrt(n)), s(math.sqrt(m)), s(math.sqrt(-1)), s(math.exp(n)), s(math.log(n)), s(math.log(-1)), s(math.log(m)), s(math.sin(math.huge)), s(math.cos(-math.huge)), s(math.tan(n)), s(math.asin(2)), s(math.acos(-2)), s(math.atan(n)), s(math.atan(n, 1)), s(math.atan(1, n)), s(math.floor(n)), s(math.ceil(m)), s(math.log(n, 2)), s(math.log(8, n)), s(math.log(-8, 2)), s(math.log(0, 0)), s(math.exp(m)))
print("fmod", s(math.fmod(n, 2)), s(math.fmod(m, 2)), s(math.fmod(2, n)), s(math.fmod(2, m)), s(math.fmod(math.huge, 2)), s(math.fmod(2, 0.0)), s(math.fmod(-2, 0.0)))
print("minmax", s(math.max(n, m)), s(math.max(m, n)), s(math.min(n, 1)), s(math.min(1, n)), s(math.max(1, m)))
print("tonum", s(tonumber("nan")), s(tonumber("-nan")), s(n + 0), s(string.unpack("d", string.pack("d", n))), s(string.unpack("d", string.pack("d", m))), s(string.unpack("f", string.pack("f", n))), s(string.unpack("f", string.pack("f", m))))
print("fmt", string.format("%.1f %5.2f %g %e %a %A %q", n, m, n, m, n, m, 1.5))
print(pcall(string.format, "%q", n))
print(pcall(string.format, "%d", n))
