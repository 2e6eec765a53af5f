local items = {3, 1, {}}
local function bigger(a, b) return a < b end
print(bigger(items[1], items[2]))
print(bigger(items[1], items[3]))
