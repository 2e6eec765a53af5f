local text = [[
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness.
]]
local freq, total = {}, 0
for word in text:lower():gmatch("%a+") do
  freq[word] = (freq[word] or 0) + 1
  total = total + 1
end
local list = {}
for w, c in pairs(freq) do list[#list + 1] = {w = w, c = c} end
table.sort(list, function(a, b) if a.c ~= b.c then return a.c > b.c end return a.w < b.w end)
print("total words", total, "distinct", #list)
for i = 1, 6 do print(string.format("%-8s %2d %s", list[i].w, list[i].c, string.rep("*", list[i].c))) end
local longest = ""
for _, e in ipairs(list) do if #e.w > #longest or (#e.w == #longest and e.w < longest) then longest = e.w end end
print("longest", longest)
local caps = {}
for w in text:gmatch("%u%l+") do caps[#caps + 1] = w end
print("capitalised", table.concat(caps, ","))
