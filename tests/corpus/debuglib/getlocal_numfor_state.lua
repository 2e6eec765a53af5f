-- the hidden registers of a numeric for in debug.getlocal: the index (kept when the body
-- assigns the variable), the iterations left (a float loop: its limit) and the step
local function show(lvl)
  local r = {}
  for i = 1, 12 do local n, v = debug.getlocal(lvl, i); if not n then break end r[#r+1] = n .. "=" .. (type(v) == "function" and "fn" or type(v) == "table" and "tbl" or tostring(v)) end
  print(table.concat(r, " "))
end
for i = 5, 9 do if i == 6 then i = 8; show(2) end end
for i = 10, 1, -3 do show(2) end
for i = 1.0, 2, 0.5 do show(2) end
for i = 1, 2.9 do show(2) end
for i = math.maxinteger - 2, math.maxinteger do show(2) end
for i = 3, 1e300, 1 << 62 do show(2) end
local function f(a, ...)
  for j = 1, 2 do
    for k = j, 3 do local x = j * k; if k == 3 then show(2) end end
  end
  for _, v in ipairs({7}) do show(2) end
end
f(0)
for i = 1, 3 do local c = function() return i end; if i == 2 then show(2) end end
