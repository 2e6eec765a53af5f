-- strings_concat.lua: string building.
-- Stresses: the `..` operator (incl. number-to-string coercion of integers),
-- multi-operand concatenation, table.concat, string.rep, string.sub, #s.
-- Size parameter (arg[1]): number of pieces built per round.
local N = tonumber(arg and arg[1]) or 150000
local ROUNDS = 10
local M = 2147483647

local function checksum(s)
  -- Sample bytes so the checksum itself stays cheap.
  local h = #s
  local step = math.floor(#s / 1000) + 1
  for i = 1, #s, step do h = (h * 31 + s:byte(i)) % M end
  return h
end

local acc = 0
for r = 1, ROUNDS do
  -- 1. Pieces built with `..` (several operands, numbers coerced), joined with table.concat.
  local parts = {}
  for i = 1, N do
    parts[#parts + 1] = "item" .. i .. "=" .. (i * r) .. ";"
  end
  local joined = table.concat(parts)
  local joined2 = table.concat(parts, ", ", 1, N - 1) -- with separator and range
  acc = (acc + checksum(joined) + checksum(joined2)) % M

  -- 2. Repeated appending to a short, bounded string (restarted every 100 appends).
  local s, total = "", 0
  for i = 1, N do
    s = s .. (i % 10)
    if #s >= 100 then total = total + #s; s = "" end
  end
  acc = (acc + total + #s) % M

  -- 3. Building lines from substrings and string.rep.
  local lines = {}
  for i = 1, N - N % 10, 10 do
    local pad = string.rep("-", i % 20)
    lines[#lines + 1] = pad .. "|" .. string.sub(joined, i, i + 15) .. "|" .. pad
  end
  acc = (acc + checksum(table.concat(lines, "\n"))) % M
end
print(string.format("strings_concat checksum %d", acc))
