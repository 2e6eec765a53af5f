-- debian: lua-dkjson lua-inspect lua-messagepack lua-penlight lua-unit lua-luassert
-- Numbers through several libraries: seeded random integers and floats (all
-- magnitudes, subnormals, signed zeros, halves, powers of two) rendered by
-- dkjson, inspect, MessagePack (bytes), Penlight's pretty.write and LuaUnit's
-- prettystr, and read back by dkjson and pl.pretty.read. Stresses number
-- formatting (%.14g, %.17g, %a) and float/integer conversions.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
local json = require("dkjson")
local inspect = require("inspect")
local mp = require("MessagePack")
local pretty = require("pl.pretty")
local lu = require("luaunit")
math.randomseed(20241206, 7)
local nums = { 0, -0.0, 1, -1, 0.5, 0.1, 1/3, 2^53, 2^53 + 1, -2^63, 2^63, math.maxinteger, math.mininteger,
               math.huge, -math.huge, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 123456789012345678,
               1e15, 1e16, 1e17, 123.456, -9.87654321e-5, 100, 1e2, 255 // 1, 7 // 2.0, 3 % -2, -3.5 % 2 }
for _ = 1, 150 do
  local kind = math.random(1, 5)
  local v
  if kind == 1 then v = math.random(math.mininteger, math.maxinteger)
  elseif kind == 2 then v = math.random() * 10 ^ math.random(-30, 30)
  elseif kind == 3 then v = -math.random() * 2 ^ math.random(-1074, 1023)
  elseif kind == 4 then v = math.random(-1000, 1000) / 8
  else v = math.ult(math.random(0, 9), 5) and math.random(-99999, 99999) * 1.0 or math.random(1, 60) * 0.1 end
  nums[#nums + 1] = v
end
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function safe(f, v)
  local ok, r = pcall(f, v)
  return ok and r or "error: " .. tostring(r):gsub("^.-:%d+: ", "")
end
for i, v in ipairs(nums) do
  local j = json.encode(v)
  local back = json.decode(j)
  print(i, math.type(v), string.format("%.17g|%a", v, v), tostring(v), j, math.type(back) or type(back),
        back == v, safe(inspect, v), hex(mp.pack(v)), safe(pretty.write, v), safe(lu.prettystr, v))
end
local all = json.encode(nums)
print(#all, all:sub(1, 200))
-- pl.pretty.write refuses large integral floats inside tables ('%d'): keep the others
local small = {}
for _, v in ipairs(nums) do if pcall(pretty.write, { v }) then small[#small + 1] = v end end
local t, err = pretty.read(pretty.write(small))
print("pretty.read", t and "ok" or err, #pretty.write(small))
t = t or {}
local same = 0
for i = 1, #small do if t[i] == small[i] and math.type(t[i]) == math.type(small[i]) then same = same + 1 end end
print("pretty round trip", same, #small, #nums)
print(string.format("%5.1f|%-8d|%+.3e|%x|%X|%o|%g|%G|%10.4s|%q", 3.14159, 42, 12345.678, 255, 255, 8, 1e20, 1e-20, "abcdefgh", 1/3))
print(string.format("%q|%q|%q|%q", math.mininteger, 2^63, -0.0, 0/0 ~= 0/0 and 1.5 or 0))
