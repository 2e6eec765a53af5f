-- Audit of the library against lua5.4: each line below is an expression (or a
-- statement); the case prints what pcall gives for it, so results and error
-- messages are compared with the reference line by line.

local function show(v)
  local t = type(v)
  if t == "table" or t == "function" or t == "userdata" or t == "thread" then return t end
  if t == "string" then return string.format("%q", v) end
  return tostring(v)
end
local probes = [==[
(function() local t = {} for c in string.gmatch("abcd", ".", 2) do t[#t+1] = c end return table.concat(t) end)()
(function() local t = {} for c in string.gmatch("abcd", ".", -2) do t[#t+1] = c end return table.concat(t) end)()
(function() local t = {} for c in string.gmatch("abcd", ".", 10) do t[#t+1] = c end return #t end)()
string.find(string.rep("a", 300000), string.rep("a?", 300000) .. string.rep("a", 300000))
string.match(string.rep("a", 250000), string.rep("(a)", 1))
string.gsub(string.rep("x", 10), "x", "%1")
string.format("%q", 2^63)
string.format("%q", -0.0)
string.format("%q", 1e100)
string.format("%q", 0.1) == string.format("%a", 0.1)
load("return " .. string.format("%q", math.mininteger))() == math.mininteger
load("return " .. string.format("%q", 0/0))() ~= load("return " .. string.format("%q", 0/0))()
string.match("x", ("x?"):rep(200000))
string.rep("ab", 3, "")
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end

