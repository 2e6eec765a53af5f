::top::
print(1)
do
  print(2)
end
::top::
