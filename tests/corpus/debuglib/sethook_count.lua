-- count hooks fire every n steps; an error in the hook stops a runaway loop
local fired = 0
debug.sethook(function(event, line) fired = fired + 1 assert(event == "count" and line == nil) end, "", 10)
local x = 0
for i = 1, 1000 do x = x + i end
debug.sethook()
print(x, fired > 0)
local ok, err = pcall(function()
  debug.sethook(function() error("too long") end, "", 1000)
  while true do end
end)
debug.sethook()
print(ok, err)
