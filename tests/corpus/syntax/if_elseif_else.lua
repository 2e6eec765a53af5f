local function classify(n)
  if n < 0 then return "negative"
  elseif n == 0 then return "zero"
  elseif n < 10 then return "small"
  elseif n < 100 then return "medium"
  else return "large" end
end
for _, n in ipairs({-5, 0, 3, 42, 1000}) do print(n, classify(n)) end
if nil then print("nil is truthy?") else print("nil is falsy") end
if false then print("x") elseif 0 then print("0 is truthy") end
if "" then print("empty string is truthy") end
if not nil then print("not nil") end
local r = {}
if true then r[#r+1] = 1 end
if false then else r[#r+1] = 2 end
print(#r, r[1], r[2])
