-- jump out of nested loops
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then
      print("found", i, j)
      goto done
    end
  end
end
::done::
-- label at end of block is visible from nested block
do
  for k = 1, 10 do
    if k == 2 then goto out end
  end
  print("not reached")
  ::out::
end
print("after out")
-- same label name in different functions / blocks
local function f()
  goto l
  do return "wrong" end
  ::l::
  return "f ok"
end
print(f())
do goto l2; print("skip"); ::l2:: end
do goto l2; print("skip"); ::l2:: end
print("same label in sibling blocks ok")
