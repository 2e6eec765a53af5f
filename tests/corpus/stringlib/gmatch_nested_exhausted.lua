-- nested gmatch loops, calling an exhausted iterator, iterators kept across other matches
local out = {}
for line in ("a=1;b=2\nc=3;d=4"):gmatch("[^\n]+") do
  for k, v in line:gmatch("(%w)=(%d)") do out[#out + 1] = k .. v end
end
print(table.concat(out, ","))
local it = ("x y"):gmatch("%a")
print(it(), it(), it(), it(), select("#", it()))
local it1, it2 = ("123"):gmatch("%d"), ("abc"):gmatch("%a")
print(it1(), it2(), it1(), it2(), ("zz"):match("z+"), it1(), it2())
local co = coroutine.wrap(function()
  for w in ("one two three"):gmatch("%a+") do coroutine.yield(w) end
end)
print(co(), co(), co())
