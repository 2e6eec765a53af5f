local x = 1
do
  local x = 2
  do
    local x = 3
    print("innermost", x)
  end
  print("middle", x)
end
print("outer", x)
do end
do ; end
local function f()
  do return "early" end
end
print(f())
