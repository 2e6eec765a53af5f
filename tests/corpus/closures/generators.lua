local function gen_range(a, b, step)
  step = step or 1
  local cur = a - step
  return function()
    cur = cur + step
    if (step > 0 and cur <= b) or (step < 0 and cur >= b) then return cur end
  end
end
local out = {}
for v in gen_range(1, 10, 3) do out[#out + 1] = v end
print(table.concat(out, " "))
out = {}
for v in gen_range(5, 1, -2) do out[#out + 1] = v end
print(table.concat(out, " "))
local function map(gen, f) return function() local v = gen() if v ~= nil then return f(v) end end end
out = {}
for v in map(gen_range(1, 4), function(x) return x * x end) do out[#out + 1] = v end
print(table.concat(out, " "))
