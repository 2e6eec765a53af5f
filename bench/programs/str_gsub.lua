-- str_gsub.lua: string.gsub with patterns and the three kinds of replacement.
-- Stresses: the pattern matcher (character classes, captures, anchors, quantifiers),
-- gsub with string replacements using %1 captures, with a function, with a table,
-- and with a match-count limit.
-- Size parameter (arg[1]): number of gsub rounds over the text.
local N = tonumber(arg and arg[1]) or 1500
local M = 2147483647

-- Deterministic text: ~8 KB of words, numbers and punctuation.
local words = { "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
                "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore" }
local parts = {}
local seed = 42
for i = 1, 1200 do
  seed = (seed * 16807) % 2147483647
  local w = words[seed % #words + 1]
  if seed % 5 == 0 then w = w .. "=" .. (seed % 1000) end
  if seed % 11 == 0 then w = w:upper() end
  parts[i] = w
  if seed % 13 == 0 then parts[i] = w .. "." end
end
local text = table.concat(parts, " ")

local upper = string.upper
local repl_table = { lorem = "L", ipsum = "I", dolor = "D", amet = "A" }

local acc = 0
for r = 1, N do
  local s1, n1 = text:gsub("(%a+)=(%d+)", "%2:%1")                         -- string repl with captures
  local s2, n2 = text:gsub("(%a)(%a*)", function(a, b) return upper(a) .. b end)      -- function repl
  local s3, n3 = text:gsub("%a+", repl_table)                            -- table repl
  local s4, n4 = text:gsub("%s+", "_", 100)                              -- limited count
  local s5, n5 = text:gsub("^(%a+)", "<%1>")                             -- anchored
  local s6, n6 = text:gsub("[aeiou]", "")                                -- char set deletion
  acc = (acc + #s1 + n1 + #s2 + n2 + #s3 + n3 + #s4 + n4 + #s5 + n5 + #s6 + n6 + s2:byte(r % #s2 + 1)) % M
end
print(string.format("str_gsub %d bytes of text, checksum %d", #text, acc))
