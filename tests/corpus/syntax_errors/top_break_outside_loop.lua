print("a")
if true then
  break
end
