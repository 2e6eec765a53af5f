-- table.sort with NaN: NaN compares false both ways; the result is the reference's
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return table.concat(p, " ") end
local nan = 0/0
local cases = {{nan, 1, nan, 2}, {1, nan, 3, 2, nan, 0, 5, -1}, {nan, nan, nan, nan, nan},
  {5, 3, nan, 1, 4, 2, nan, 9, 8, 7, 6, nan}, {1, 2, 3, 2.5, nan, 1.5}, {-(0/0), 2, 1}}
for _, t in ipairs(cases) do
  local ok, err = pcall(table.sort, t)
  print(ok, err, show(t))
end
