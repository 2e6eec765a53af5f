-- string.byte with every kind of index
local s = "hello!"
local idx = {0, 1, 2, 6, 7, 100, -1, -2, -6, -7, -100, math.maxinteger, math.mininteger}
for _, i in ipairs(idx) do
  for _, j in ipairs(idx) do
    io.write(i, ",", j, ": ", table.concat({s:byte(i, j)}, " "), " (", select("#", s:byte(i, j)), ")\n")
  end
end
print(string.byte("A"), string.byte(""), select("#", string.byte("")))
print(string.byte("abc", 2.0), string.byte("abc", "3"), string.byte(123, 2))
print(("\0\1\127\128\255"):byte(1, -1))
