local proxy = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function() i = i + 1 if i <= 3 then return i, i * i end end, t, nil
end})
for k, v in pairs(proxy) do io.write(k, "=", v, " ") end print()
local extra = setmetatable({}, {__pairs = function() return next, {a = 1}, nil, "ignored?" end})
for k, v in pairs(extra) do print(k, v) end
local ip = setmetatable({}, {__pairs = function() error("no pairs") end})
print(pcall(pairs, ip))
for i, v in ipairs(setmetatable({}, {__pairs = function() error("ipairs ignores __pairs") end})) do end
print("ipairs ok")
