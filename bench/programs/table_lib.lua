-- table_lib.lua: the table library in loops.
-- Stresses: table.insert (append and in the middle), table.remove (from the end
-- and the front of short tables), table.concat of numbers and strings,
-- table.unpack / table.pack, select('#', ...). (No table.move: LuaJ 3.0.1 is Lua 5.2.)
-- Size parameter (arg[1]): number of rounds (default 40).
local N = tonumber(arg and arg[1]) or 40
local M = 2147483647

local acc = 0
for r = 1, N do
  -- a queue built with insert and drained with remove
  local q = {}
  for i = 1, 20000 do table.insert(q, i * r % 1000) end
  for i = 1, 200 do table.insert(q, (i * 37) % #q + 1, i) end
  local s = 0
  while #q > 0 do s = s + table.remove(q) end
  acc = (acc + s) % M
  -- short tables: insert at the front, remove from the front
  for k = 1, 2000 do
    local t = {1, 2, 3, 4, 5, 6, 7, 8}
    table.insert(t, 1, k)
    acc = (acc + table.remove(t, 1) + table.remove(t, 3)) % M
  end
  -- concat of numbers and strings
  local parts = {}
  for i = 1, 5000 do parts[i] = (i % 3 == 0) and ("s" .. i) or i * r end
  local str = table.concat(parts, ",")
  acc = (acc + #str + #table.concat(parts, "", 100, 2000)) % M
  -- unpack / pack / select
  local src = {}
  for i = 1, 64 do src[i] = i + r end
  for k = 1, 3000 do
    local a, b, c, d = table.unpack(src, k % 60 + 1, k % 60 + 4)
    local p = table.pack(table.unpack(src, 1, 16))
    acc = (acc + a + b + c + d + p.n + select("#", table.unpack(src))) % M
  end
end
print(string.format("table_lib checksum %d", acc))
