-- inside a hook, the hook function is named "hook '?'"
local r = {}
debug.sethook(function(e, l)
  local i = debug.getinfo(1, "nS")
  r[#r + 1] = e .. ":" .. tostring(i.name) .. ":" .. i.namewhat .. ":" .. i.what
  r[#r + 1] = debug.traceback("in hook", 1)
end, "l")
local x = 1
debug.sethook()
for _, v in ipairs(r) do print(v) end
