-- everyday string idioms: split, trim, join, starts/ends with, title case, word counts
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
local function startswith(s, p) return s:sub(1, #p) == p end
local function endswith(s, p) return p == "" or s:sub(-#p) == p end
local function title(s) return (s:gsub("(%a)([%w_']*)", function(a, b) return a:upper() .. b:lower() end)) end
print(table.concat(split("a,b,,c", ","), "|"), #split("", ","), table.concat(split("1.2.3", "."), " "))
print("[" .. trim("  \t hello world \n ") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")
print(startswith("hello", "he"), startswith("hello", "lo"), endswith("hello", "lo"), endswith("hello", ""))
print(title("the QUICK brown fox's tail"))
local text = [[It was the best of times, it was the worst of times, it was the age of wisdom]]
local counts, order = {}, {}
for w in text:lower():gmatch("%a+") do
  if not counts[w] then order[#order + 1] = w end
  counts[w] = (counts[w] or 0) + 1
end
table.sort(order, function(a, b) if counts[a] ~= counts[b] then return counts[a] > counts[b] end return a < b end)
for i = 1, 5 do io.write(order[i], "=", counts[order[i]], " ") end print()
print(("%s has %d chars"):format(text:sub(1, 10), #text), text:find("worst"), select(2, text:gsub("it", "")))
