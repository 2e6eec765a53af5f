-- a coroutine driven from inside a table.sort comparator (on the main thread)
local keygen = coroutine.wrap(function()
  local n = 0
  while true do n = n + 1; coroutine.yield(n) end
end)
local calls = 0
local t = {5, 3, 8, 1, 9, 2}
table.sort(t, function(a, b) calls = keygen(); return a < b end)
print(table.concat(t, " "), calls > 0)
