-- the hook gets "line" and the line; getinfo(2) inside it is the hooked function
local seen = {}
local function hook(event, line)
  local info = debug.getinfo(2, "Sl")
  seen[#seen + 1] = event .. ":" .. line .. ":" .. info.currentline .. ":" .. info.short_src
end
local function work()
  local a = 1
  local b = 2
  return a + b
end
debug.sethook(hook, "l")
work()
debug.sethook()
for _, s in ipairs(seen) do print(s) end
