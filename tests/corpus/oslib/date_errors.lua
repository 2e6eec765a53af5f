-- os.date errors: conversion specifiers and times
for _, f in ipairs{"%Ez", "%Ezabc", "%", "abc%", "%k", "%E", "%O", "%l", "%s", "%P", "%+", "%5Y", "%-d", "%#c", "%EE", "%Oz", "%OY", "%Q\0abc", "%Y\0%Q"} do
  print(pcall(os.date, f, 0))
end
print(pcall(os.date, "%Y", 1.5))
print(pcall(os.date, "%Y", "x"))
print(pcall(os.date, "%Y", {}))
print(pcall(os.date, {}, 0))
print(os.date("%Y", "86400"), os.date("%Y", 86400.0), os.date(5, 0), os.date(nil, 0))
local ok, e = pcall(function() return os.date("%Ez") end)
print(e)
