-- issue 13: truncated and damaged binary chunks are "bad binary format" errors
local d = string.dump(function(a, b) return a + b end)
for _, n in ipairs({1, 4, 5, 12, 20, 30, #d - 1}) do
  print(n < 31 and n or "all but one", load(d:sub(1, n)))
end
print(load(d:sub(1, 20), "=name"))
print(load(d:sub(1, 20), "@file.lua"))
print(pcall(load, d:sub(1, 5), "x", "b"))
print(load(d, "x", "t"))
print(load("return 1", "x", "b"))
