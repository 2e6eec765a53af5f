-- the E and O modifiers mean nothing in the C locale
local f = "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy"
for _, t in ipairs{0, 1700000000, 951782400} do print(os.date("!" .. f, t)) end
print(os.date("!%Ec", 0) == os.date("!%c", 0), os.date("!%Ex", 0) == os.date("!%x", 0))
