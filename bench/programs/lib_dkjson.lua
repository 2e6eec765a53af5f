-- lib_dkjson.lua: a large-code program: Debian's pure-Lua JSON library dkjson
-- (package lua-dkjson, loaded from its installed path) encoding and decoding a
-- large generated document, pretty-printed and compact, several rounds.
-- Stresses: code written by others (string.format/gsub/find/byte, pcall,
-- select, many small functions and closures), big strings and tables.
-- Size parameter (arg[1]): number of rounds (the long variant,
-- lib_dkjson_long.lua, runs this file with a larger count).
local ROUNDS = tonumber(arg and arg[1]) or 4
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.3/?.lua;/usr/share/lua/5.2/?.lua;" .. package.path
local json = require("dkjson")

local M = 2147483647
local seed = 4242
local function rnd(n)
  seed = (seed * 16807) % M
  return seed % n
end

local WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
  "kappa", "lambda", "mu", "tab\there", "quote\"d", "back\\slash", "new\nline", "caf\195\169",
  "\226\130\172uro", "slash/", "ctl\1x"}
local KEYS = {"id", "name", "title", "tags", "score", "active", "owner", "children", "meta",
  "created", "flags", "notes", "count", "ratio", "path"}

local function makeString()
  local n = rnd(4) + 1
  local parts = {}
  for i = 1, n do parts[i] = WORDS[rnd(#WORDS) + 1] end
  return table.concat(parts, " ")
end

local function makeValue(depth)
  local kind = rnd(depth > 3 and 4 or 7)
  if kind == 0 then return rnd(2000000) - 1000000
  elseif kind == 1 then return makeString()
  elseif kind == 2 then return rnd(2) == 0
  elseif kind == 3 then return json.null
  elseif kind == 4 or kind == 5 then
    local obj = {}
    for _ = 1, rnd(6) + 1 do obj[KEYS[rnd(#KEYS) + 1]] = makeValue(depth + 1) end
    return obj
  else
    local arr = {}
    for i = 1, rnd(8) + 1 do arr[i] = makeValue(depth + 1) end
    return arr
  end
end

local function makeDocument(records)
  local doc = {}
  for i = 1, records do
    doc[i] = {id = i, name = makeString(), tags = {makeString(), makeString()},
              score = rnd(100000), active = rnd(3) ~= 0, children = makeValue(1),
              meta = {owner = makeString(), count = rnd(500), flags = {rnd(2) == 0, rnd(2) == 1}}}
  end
  return {version = 3, title = "generated", notes = doc}
end

local function hash(s, acc)
  for i = 1, #s, 7 do acc = (acc * 31 + s:byte(i)) % M end
  return (acc + #s) % M
end

local doc = makeDocument(2500)
local acc = 0
for r = 1, ROUNDS do
  local text = json.encode(doc, {indent = (r % 2 == 0), keyorder = KEYS})
  local decoded, pos, err = json.decode(text, 1, json.null)
  if err then error(err) end
  local again = json.encode(decoded, {keyorder = KEYS})
  acc = hash(text, acc)
  acc = hash(again, acc)
  if r == 1 then print("document bytes", #text, "compact bytes", #again, "stop", pos) end
end
print("checksum", acc)
