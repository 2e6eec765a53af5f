-- string.dump starts with the reference's header (signature, version, format,
-- LUAC_DATA, sizes, LUAC_INT, LUAC_NUM); what follows is the implementation's
local function header(s) return table.concat({s:byte(1, 31)}, " ") end
print(header(string.dump(function() return 1 end)))
print(header(string.dump(function(a, b) return a .. b end, true)))
print(string.unpack("<i8", string.dump(print ~= nil and function() end), 16))
print(string.unpack("<d", string.dump(function() end), 24))
print(load(string.dump(function(x) return x * 2 end))(21))
-- a damaged header is refused with the reference's words
local s = string.dump(function() end)
print(load(s:sub(1, 12) .. "\8" .. s:sub(14), "=d"))
print(load(s:sub(1, 13) .. "\4" .. s:sub(15), "=d"))
print(load(s:sub(1, 15) .. "\0" .. s:sub(17), "=d"))
print(load(s:sub(1, 30) .. "\0" .. s:sub(32), "=d"))
print(load(s:sub(1, 30), "=d"))
