-- os.exit without close: to-be-closed variables stay open
local x <close> = setmetatable({}, {__close = function() print("closed") end})
io.write("bye\n")
os.exit(true)
