-- the message of a Lua stack overflow, with its position prefix stripped
local function f() return f() + 1 end
local ok, msg = pcall(f)
print(ok, (msg:gsub("^.-:%d+: ", "")))
