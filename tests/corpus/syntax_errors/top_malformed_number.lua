local x = 12
local y = 0x1g
