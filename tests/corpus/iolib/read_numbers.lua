-- read("n") scans a numeral as the reference's l_getn does, then gives back one look-ahead byte
local name = "read_numbers.tmp"
local f = assert(io.open(name, "w"))
f:write("0x1F 0x1p4 .5 5. 1e5 1e+ -7 +3 0x 12abc inf nan 1.5e-3 --5 0x.8 00012 ",
  "9223372036854775808 -9223372036854775808 0xffffffffffffffff 1E2 0X1P-1 .e5 - +\n  \t 42")
f:close()
f = assert(io.open(name))
while true do
  local v = f:read("n")
  if v == nil then
    local rest = f:read(3)
    print("fail, next 3:", rest and string.format("%q", rest))
    if rest == nil then break end
  else
    print(math.type(v), v)
  end
end
f:close()
os.remove(name)
