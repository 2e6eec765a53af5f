-- a traceback taken in a message handler sees the frames where the error happened
local function handler(msg)
  return debug.traceback("handled: " .. tostring(msg), 2)
end
local function level3() error("deep error") end
local function level2() level3() end
local function level1() level2() end
print(xpcall(level1, handler))
print(select(2, xpcall(function() local x = {} .. 1 end, handler)))
