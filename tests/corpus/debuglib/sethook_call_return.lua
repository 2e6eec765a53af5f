-- call, return and tail call events, with the hooked function's name
local events = {}
local function f(x) return x * 2 end
local function g(x) return f(x) + 1 end
local function tc(x) return f(x) end
debug.sethook(function(event, line)
  local info = debug.getinfo(2, "nS")
  events[#events + 1] = event .. " " .. tostring(line) .. " " .. tostring(info.name) .. " " .. info.what
end, "cr")
g(1)
tc(2)
math.abs(-1)
debug.sethook()
for _, e in ipairs(events) do print(e) end
