-- unpack with init positions and the position result; errors
local data = string.pack("<i4i4i4", 10, 20, 30)
print(string.unpack("<i4", data), string.unpack("<i4", data, 5), string.unpack("<i4", data, -4))
print(string.unpack("<i4i4", data, 5), string.unpack("", data), string.unpack("", data, 13))
local pos, vals = 1, {}
while pos <= #data do
  local v
  v, pos = string.unpack("<i4", data, pos)
  vals[#vals + 1] = v
end
print(table.concat(vals, " "), pos)
local function try(...) print(pcall(string.unpack, ...)) end
try("<i4", data, 14)
try("<i4", data, 10)
try("<i4", data, 13)
try("<i4", data, 0)
try("<i4", data, -100)
try("<i4", data, math.mininteger)
try("z", "abc")
try("s1", "\5abc")
try("c4", "abc")
try("i16", string.rep("\255", 16))
try("i16", "\1" .. string.rep("\0", 14) .. "\1")
try("I9", string.rep("\255", 9))
try("i9", string.rep("\255", 8) .. "\127")
try(">i9", "\0\128\0\0\0\0\0\0\0")
try("i4")
try()
try("i4", data, "x")
try("i4", {})
print(string.unpack("b B h H", "\255\255\255\255\255\255"))
print(string.unpack(">i3 <i3", "\255\255\254\254\255\255"))
