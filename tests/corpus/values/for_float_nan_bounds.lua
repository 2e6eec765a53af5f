-- numeric for with float control values and a NaN: lua5.4's forprep skips the loop only when
-- limit < init (init < limit for a negative or NaN step), so a NaN initial value or limit runs
-- the body once; the loop then stops since nothing compares <= with NaN
-- (found by the random programs' corners feature)
local nan = 0/0
local function run(a, b, c)
  local seen = {}
  for v = a, b, c do
    seen[#seen + 1] = v ~= v and "nan" or string.format("%s:%s", math.type(v), v)
    if #seen > 4 then break end
  end
  return #seen .. " [" .. table.concat(seen, " ") .. "]"
end
print(run(nan, 1, 1))
print(run(nan, 1, -1))
print(run(1.0, nan, 1))
print(run(1.0, nan, -1))
print(run(1, nan, 1))
print(run(1, nan, -1))
print(run(2.0, 1, nan))
print(run(1.0, 2, nan))
print(run(nan, nan, 1.5))
print(run(1.0, 3, 1))
print(run(3.0, 1, -1))
print(run(1.0, 1, 1))
print(run(1.0, 0.5, 1))
print(run(-0.0, 0, 1))
print(run(1/0, 1/0, 1))
print(run(-1/0, -1/0, -1))
