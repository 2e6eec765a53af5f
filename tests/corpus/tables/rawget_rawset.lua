local t = setmetatable({}, {
  __index = function(_, k) return "mm:" .. tostring(k) end,
  __newindex = function(tb, k, v) rawset(tb, k, "wrapped " .. tostring(v)) end,
})
print(t.x, rawget(t, "x"))
t.y = 5
print(t.y, rawget(t, "y"))
rawset(t, "z", 6)
print(t.z)
print(rawset(t, "w", 1) == t)
print(pcall(rawget, "str", 1))
print(pcall(rawset, 1, 1, 1))
print(pcall(rawget, {}))
print(pcall(rawset, {}, 1))
print(rawget({10}, 1), rawget({10}, 1.0), rawget({}, nil))
