-- string.pack/unpack of integers of every size, both byte orders
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local fmts = {"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "i1", "i2", "i3", "I3", "i5", "i7", "i8", "i9",
  "I9", "i12", "i16", "I16"}
local values = {0, 1, -1, 127, -128, 255, 32767, -32768, 65535, 2^31 - 1, -2^31, 2^32 - 1, 2^40 + 5,
  math.maxinteger, math.mininteger}
for _, f in ipairs(fmts) do
  for _, order in ipairs{"<", ">"} do
    local parts = {}
    for _, v in ipairs(values) do
      local ok, packed = pcall(string.pack, order .. f, v)
      if ok then
        local back, nextpos = string.unpack(order .. f, packed)
        parts[#parts + 1] = hex(packed) .. "=" .. tostring(back) .. "@" .. nextpos
      else
        parts[#parts + 1] = "ERR(" .. packed .. ")"
      end
    end
    print(order .. f, string.packsize(f), table.concat(parts, " "))
  end
end
