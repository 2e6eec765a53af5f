local function last(...) local n = select('#', ...) if n > 0 then return (select(n, ...)) end end
print(last(1, 2, 3), last(), last(nil))
local function reverse(...)
  local t = table.pack(...)
  local r = {}
  for i = t.n, 1, -1 do r[#r + 1] = t[i] end
  return table.unpack(r, 1, t.n)
end
print(reverse(1, 2, 3, 4))
