-- A local is not visible to debug.getlocal at the line event of its own declaration: its range
-- starts after the declaration (issue 12, conformance repro D7). Unnamed slots are left out.
local f = load([[
local A = 10
local B, C = A + 1, 2
do local D = B
  A = D end
local E = function() return A end
return A + B + E()]], "=chunk")
debug.sethook(function(e, l)
  if debug.getinfo(2, "S").source ~= "=chunk" then return end
  local names = {}
  for i = 1, 20 do
    local n = debug.getlocal(2, i)
    if n and n:sub(1, 1) ~= "(" then names[#names + 1] = n end
  end
  print("line " .. l .. ":", table.concat(names, " "))
end, "l")
print(f())
debug.sethook()
