for i, v in ipairs({1, 2, nil, 4}) do io.write(i, "=", v, " ") end print()
for i, v in ipairs({}) do print("never") end
local t = {n = 3, "a", "b"}
for i, v in ipairs(t) do io.write(i, v, " ") end print()
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 100 end end})
for i, v in ipairs(proxy) do io.write(i, ":", v, " ") end print()
local f, s, c = ipairs(t)
print(type(f), s == t, c)
print(f(t, 0))
print(f(t, 2))
print(pcall(ipairs))
print(select("#", ipairs(nil)))
print(pcall(function() for i, v in ipairs(nil) do end end))
print(pcall(function() for i, v in ipairs(5) do end end))
for i, v in ipairs("abc") do print("string ipairs", i, v) end
