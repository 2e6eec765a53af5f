-- deeply nested constructs fail to load instead of crashing
local function nested(n) return "return " .. string.rep("(", n) .. "1" .. string.rep(")", n) end
print(load(nested(100)) ~= nil)
local f, e = load(nested(1000))
print(f == nil, type(e), e:find("overflow", 1, true) ~= nil)
local function blocks(n) return string.rep("do ", n) .. string.rep("end ", n) end
print(load(blocks(100)) ~= nil)
f, e = load(blocks(1000))
print(f == nil, type(e), e:find("overflow", 1, true) ~= nil)
