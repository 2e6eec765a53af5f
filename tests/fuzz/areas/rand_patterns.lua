-- Area probe (conf13a): random patterns (anchors, sets, %b, %f, back-references, captures, quantifiers) through find/match/gsub/gmatch; seeded, compare with lua5.4 (run.sh). Seed: arg[1] or 1.
math.randomseed(tonumber(arg and arg[1]) or 1)
local atoms = {"a", "b", ".", "%a", "%d", "%s", "%w", "%p", "%l", "%u", "%x", "%c", "%z", "[ab]", "[^a]", "[a-c]", "[%d%s]", "[]a]", "[^]]", "%.", "%%", "%b()", "%bab", "%f[%a]", "%f[^%a]", "%f[%z]", "%1", "%2", "()", "(", ")", "^", "$", "-", "*", "+", "?", "[", "]", "%", "\0", "x", "1", " ", "[%a-]", "[a-]", "%A", "%S"}
local quants = {"", "", "", "*", "+", "-", "?"}
local function pat()
  local t = {}
  if math.random(6) == 1 then t[#t + 1] = "^" end
  local open = 0
  for i = 1, math.random(1, 6) do
    local r = math.random(10)
    if r == 1 then t[#t + 1] = "("; open = open + 1
    elseif r == 2 and open > 0 then t[#t + 1] = ")"; open = open - 1
    else t[#t + 1] = atoms[math.random(#atoms)] .. quants[math.random(#quants)] end
  end
  if math.random(3) == 1 then for _ = 1, open do t[#t + 1] = ")" end end
  if math.random(6) == 1 then t[#t + 1] = "$" end
  return table.concat(t)
end
local chars = {"a", "b", "c", "1", "2", " ", "(", ")", ".", "%", "A", "B", "\0", "x", "]", "-"}
local function subj()
  local t = {} for i = 1, math.random(0, 12) do t[i] = chars[math.random(#chars)] end return table.concat(t)
end
local function show(...) local t = table.pack(...) for i = 1, t.n do t[i] = string.format("%q", t[i]) end return table.concat(t, ",") end
for i = 1, 6000 do
  local p, s = pat(), subj()
  local init = math.random(-3, 14)
  local r1 = show(pcall(string.find, s, p, init))
  local r2 = show(pcall(string.match, s, p))
  local r3 = show(pcall(string.gsub, s, p, "<%0>", math.random(0, 3)))
  local ok, it = pcall(string.gmatch, s, p, init)
  local g = {}
  if ok then
    local ok2, e = pcall(function() for a, b in it do g[#g + 1] = show(a, b) if #g > 20 then break end end end)
    if not ok2 then g[#g + 1] = "E" .. e end
  end
  print(string.format("%q %q %d | %s | %s | %s | %s", p, s, init, r1, r2, r3, table.concat(g, ";")))
end
