-- runtime errors of an indexing that ends a list item, call argument, parenthesised
-- expression or 'if' condition are reported where the reference emits it: at the
-- line of the token that ends it (',', ')', '}', 'then')
local t = nil

local fs = {}
fs[#fs + 1] = (function() print(
  t.x
  ) end)
fs[#fs + 1] = (function() print(
  t.x
  ,
  1) end)
fs[#fs + 1] = (function() local a, b =
  t.x
  ,
  1 end)
fs[#fs + 1] = (function() return {
  t.x
  ;
  1 } end)
fs[#fs + 1] = (function() return {
  t.x
  } end)
fs[#fs + 1] = (function() while
  t.x
  do end end)
fs[#fs + 1] = (function() repeat until
  t.x
  end)
fs[#fs + 1] = (function() if (
  t.x
  ) then end end)
fs[#fs + 1] = (function() if
  t[1]
  then end end)
fs[#fs + 1] = (function() if false then elseif
  t.x
  then end end)
fs[#fs + 1] = (function() return {
  k =
  t.x
  } end)
fs[#fs + 1] = (function() return
  t.x
  end)
fs[#fs + 1] = function() return {
  t.x, t.y
  } end
fs[#fs + 1] = function() return f(t
  .x
  ) end
local function run()
  local out = {}
  for i, f in ipairs(fs) do out[i] = select(2, pcall(f)) end
  return out
end
for _ = 1, 1200 do run() end
for i, m in ipairs(run()) do print(i, m) end
