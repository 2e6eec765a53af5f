-- argument errors name a light userdata "light userdata" (conformance E2); a full userdata stays "userdata"
local id = debug.upvalueid(function() return print end, 1)   -- a light userdata
print(pcall(debug.setuservalue, id, {}))
print(pcall(string.rep, id))
print(pcall(math.floor, id))
print(pcall(setmetatable, id, {}))
print(pcall(io.lines, id))
print(pcall(string.rep, io.stdout))
