-- values written with %q read back as the same values
local values = {0, -0.0, 1, -1, math.maxinteger, math.mininteger, 0.1, 1/3, -2.5e-300, 1e308, 5e-324, 1/0, -1/0,
  2^53, 2^63, "", "a\0b", "\r\n\t\"\\", "\1\0012\255", string.rep("x\0", 50), true, false}
for i, v in ipairs(values) do
  local src = "return " .. string.format("%q", v)
  local back = load(src)()
  local same = back == v and math.type(back) == math.type(v)
  if type(v) == "number" and v == 0 then same = same and (1 / back == 1 / v) end
  print(i, type(v), same)
end
local nan = load("return " .. string.format("%q", 0/0))()
print(nan ~= nan)
-- a random walk over bytes
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
for k = 1, 20 do
  local t = {}
  for i = 1, 30 do t[i] = string.char(rnd(256)) end
  local s = table.concat(t)
  assert(load("return " .. string.format("%q", s))() == s)
end
print("bytes ok")
