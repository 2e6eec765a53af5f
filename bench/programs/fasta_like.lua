-- fasta_like: a FASTA-style DNA generator (stand-in written from the benchmark's published
-- description). A repeated sequence is cut into lines of 60 bases; two random sequences are drawn
-- from weighted alphabets with a linear congruential generator. Lines are built with `..` (a
-- character at a time into short pieces) and table.concat, and written with io.write to
-- /dev/null (io.output; a temporary file on LuaJ); the checksum printed at the end covers line counts, lengths and bytes.
local N = tonumber(arg and arg[1]) or 700000
local WIDTH = 60
local IM, IA, IC = 139968, 3877, 29573
local seed = 42

local function random(max)
  seed = (seed * IA + IC) % IM
  return max * seed / IM
end

local sum, lines = 0, 0
local function account(line)
  lines = lines + 1
  sum = (sum * 31 + #line + line:byte(1) + line:byte(#line)) % 2147483647
end

local BASE = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGA"
  .. "TCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACT"
  .. "AAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAG"

local function repeat_fasta(id, desc, n)
  io.write(">", id, " ", desc, "\n")
  local buf, len, pos = BASE .. BASE, #BASE, 1
  while n > 0 do
    local w = n < WIDTH and n or WIDTH
    local line = buf:sub(pos, pos + w - 1)
    io.write(line, "\n")
    account(line)
    pos = pos + w
    if pos > len then pos = pos - len end
    n = n - w
  end
end

local function cumulative(tbl)
  local chars, probs, p = {}, {}, 0
  for i = 1, #tbl do
    p = p + tbl[i][2]
    chars[i], probs[i] = tbl[i][1], p
  end
  return chars, probs
end

local function random_fasta(id, desc, tbl, n)
  io.write(">", id, " ", desc, "\n")
  local chars, probs = cumulative(tbl)
  local k = #chars
  local parts = {}
  while n > 0 do
    local w = n < WIDTH and n or WIDTH
    local np = 0
    for j = 1, w, 6 do
      local piece = ""
      for m = j, (j + 5 < w) and j + 5 or w do
        local r = random(1.0)
        local c = chars[k]
        for i = 1, k do
          if r < probs[i] then c = chars[i]; break end
        end
        piece = piece .. c
      end
      np = np + 1
      parts[np] = piece
    end
    local line = table.concat(parts, "", 1, np)
    io.write(line, "\n")
    account(line)
    n = n - w
  end
end

local IUB = {
  {"a", 0.27}, {"c", 0.12}, {"g", 0.12}, {"t", 0.27},
  {"B", 0.02}, {"D", 0.02}, {"H", 0.02}, {"K", 0.02}, {"M", 0.02},
  {"N", 0.02}, {"R", 0.02}, {"S", 0.02}, {"V", 0.02}, {"W", 0.02}, {"Y", 0.02},
}
local HOMO = {
  {"a", 0.3029549426680}, {"c", 0.1979883004921},
  {"g", 0.1975473066391}, {"t", 0.3015094502008},
}

-- LuaJ 3.0.1 cannot open /dev/null for writing ("Invalid argument"): it writes to a temporary file.
local tmp
if not pcall(io.output, "/dev/null") then
  tmp = os.tmpname()
  io.output(tmp)
end
repeat_fasta("ONE", "Homo sapiens alu", N * 2)
random_fasta("TWO", "IUB ambiguity codes", IUB, N * 3)
random_fasta("THREE", "Homo sapiens frequency", HOMO, N * 5)
io.output():close()
if tmp then os.remove(tmp) end
print("fasta_like", N, lines, sum)
