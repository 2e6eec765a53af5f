-- three nested functions with 100 locals each; the innermost closure uses
-- all 300 as upvalues, exceeding the limit of 255
local lines = {}
for lvl = 1, 3 do
  lines[#lines+1] = "local function lvl" .. lvl .. "()"
  for i = 1, 100 do lines[#lines+1] = "local x" .. lvl .. "_" .. i .. " = " .. i end
end
local refs = {}
for lvl = 1, 3 do for i = 1, 100 do refs[#refs+1] = "x" .. lvl .. "_" .. i end end
lines[#lines+1] = "return function() return " .. table.concat(refs, " + ") .. " end"
for lvl = 1, 3 do lines[#lines+1] = "end" end
print(load(table.concat(lines, "\n")))
-- 255 upvalues is fine
local small = {}
for lvl = 1, 3 do
  small[#small+1] = "local function lvl" .. lvl .. "()"
  for i = 1, 85 do small[#small+1] = "local x" .. lvl .. "_" .. i .. " = " .. i end
end
refs = {}
for lvl = 1, 3 do for i = 1, 85 do refs[#refs+1] = "x" .. lvl .. "_" .. i end end
small[#small+1] = "return function() return " .. table.concat(refs, " + ") .. " end"
for lvl = 1, 3 do small[#small+1] = "end" end
print(load(table.concat(small, "\n")) ~= nil)
