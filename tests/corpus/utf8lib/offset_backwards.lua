-- walking backwards with negative offsets
local s = "añ€😀z"
local i = #s + 1
local out = {}
while true do
  local j = utf8.offset(s, -1, i)
  if not j then break end
  out[#out + 1] = j .. ":" .. utf8.codepoint(s, j)
  i = j
end
print(table.concat(out, " "))
for n = -6, 0 do io.write(tostring(utf8.offset(s, n)), " ") end print()
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), " ") end print()
