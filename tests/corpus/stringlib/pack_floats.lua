-- floats and doubles: f, d, n
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local values = {0, -0.0, 1, -1.5, 0.1, 1/3, 1e300, 1e-300, 5e-324, 1/0, -1/0, 3, 2^24 + 1, 1e39, 1e-46, "2.5"}
for _, f in ipairs{"<f", ">f", "<d", ">d", "=n"} do
  for _, v in ipairs(values) do
    local p = string.pack(f, v)
    local back = string.unpack(f, p)
    print(f, v, hex(p), back, math.type(back))
  end
end
local nan = string.unpack("d", string.pack("d", 0/0))
print(nan ~= nan)
print(pcall(string.pack, "d", "x"))
print(pcall(string.pack, "f", {}))
print(pcall(string.pack, "n"))
