-- number to string conversions (%.14g) in concatenation, tostring and format
local values = {0, -0.0, 1, 1.0, -1.5, 0.1, 1/3, 100, 1e14, 1e15, 1e16, 2^53, 2^63, -2^63, 1e100, 1e-5, 123.456,
  5e-324, 1.7976931348623157e308, math.maxinteger, math.mininteger, 3.14159265358979, 1e300 * 1e10, -1e300 * 1e10}
for _, v in ipairs(values) do
  print(v, tostring(v), v .. "", string.format("%s", v), string.format("%.14g", v), math.type(v))
end
