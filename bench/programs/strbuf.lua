-- strbuf.lua: building strings piece by piece.
-- Stresses: string buffers in tables with table.concat, repeated .. in a loop
-- (quadratic copying on short strings), string.rep, string.char/byte, string.sub,
-- string.upper/lower/reverse, tostring of integers, # of strings.
-- Size parameter (arg[1]): number of rounds.
local N = tonumber(arg and arg[1]) or 12000
local M = 2147483647

local function hash(s, acc)
  for i = 1, #s, 3 do acc = (acc * 31 + string.byte(s, i)) % M end
  return (acc + #s) % M
end

local acc = 0
for round = 1, N do
  -- a buffer of numbers and separators
  local buf = {}
  for i = 1, 200 do
    buf[#buf + 1] = tostring(i * round % 9973)
    buf[#buf + 1] = (i % 10 == 0) and "\n" or ","
  end
  local text = table.concat(buf)
  -- a short string grown with .. (a line of up to 80 characters)
  local line = ""
  for i = 1, 80 do line = line .. string.char(97 + (i + round) % 26) end
  -- string.rep and case changes
  local padded = string.rep("ab", round % 50 + 10) .. string.upper(line) .. string.rep("-+", 20)
  local rev = string.reverse(padded)
  -- characters back to a buffer through byte/char
  local chars = {}
  for i = 1, #line do
    local b = string.byte(line, i)
    chars[i] = string.char(b - 32)
  end
  local upper = table.concat(chars, "", 1, #chars)
  -- substrings of the text
  local pieces = {}
  for i = 1, #text - 10, 37 do pieces[#pieces + 1] = string.sub(text, i, i + 9) end
  local joined = table.concat(pieces, "|")
  acc = hash(text, acc)
  acc = hash(rev, acc)
  acc = hash(string.lower(upper), acc)
  acc = hash(joined, acc)
end
print(string.format("strbuf: %d rounds, checksum %d", N, acc))
