local function fizz(n)
  if n % 15 == 0 then return "FizzBuzz"
  elseif n % 3 == 0 then return "Fizz"
  elseif n % 5 == 0 then return "Buzz"
  else return tostring(n) end
end
local out = {}
for i = 1, 20 do out[#out+1] = fizz(i) end
print(table.concat(out, " "))
local function nest(a, b, c)
  if a then
    if b then
      if c then return "abc" else return "ab" end
    else
      if c then return "ac" else return "a" end
    end
  else
    return (b and "b" or "") .. (c and "c" or "")
  end
end
print(nest(true, true, true), nest(true, false, true), nest(false, true, false), nest(false, false, false) == "")
