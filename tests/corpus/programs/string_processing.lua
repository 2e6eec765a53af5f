local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
local function title(s) return (s:gsub("(%a)(%a*)", function(a, b) return a:upper() .. b:lower() end)) end
local function wrap(s, width)
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    if #line + #word + 1 > width and #line > 0 then lines[#lines + 1] = line line = word
    else line = (#line > 0) and (line .. " " .. word) or word end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end
local csv = "name, age ,city\nann,31, Oslo\nbob , 27,Lima"
for _, row in ipairs(split(csv, "\n")) do
  local cells = split(row, ",")
  for i, c in ipairs(cells) do cells[i] = trim(c) end
  print(table.concat(cells, "|"))
end
print(title("hello wORLD from lua"))
for i, l in ipairs(wrap("the quick brown fox jumps over the lazy dog and keeps running far away", 16)) do
  print(i, "[" .. l .. "]")
end
print(("racecar"):reverse() == "racecar", ("A man a plan"):lower():gsub("%s", ""):reverse())
local s = "aaabccddddde"
local rle = s:gsub("(%a)%1*", function(c) return c end)
local encoded = {}
local i = 1
while i <= #s do
  local c = s:sub(i, i)
  local j = i
  while s:sub(j + 1, j + 1) == c do j = j + 1 end
  encoded[#encoded + 1] = (j - i + 1) .. c
  i = j + 1
end
print(table.concat(encoded), rle)
