-- an uncaught malformed pattern error in gmatch's iterator
local text = "a, b, c"
for item in text:gmatch("[%a") do
  print(item)
end
