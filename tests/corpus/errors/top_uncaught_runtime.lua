local t = {}
print("before error")
local v = t.missing.field
print("never printed")
