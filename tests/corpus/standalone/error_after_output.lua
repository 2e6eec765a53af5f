for i = 1, 3 do print("line", i) end
io.write("no newline before error")
local t = nil
print(t.x)
