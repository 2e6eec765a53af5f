-- json.lua: a small JSON encoder and decoder, round-tripping generated documents.
-- Stresses: string.byte/char/sub/find/format, table.concat string buffers, escapes,
-- recursive descent parsing with a position, number formatting and tonumber,
-- tables as arrays and records, pairs with sorted keys, type().
-- Size parameter (arg[1]): number of documents.
local N = tonumber(arg and arg[1]) or 12000
local M = 2147483647

local seed = 7
local function rnd(n)
  seed = (seed * 16807) % M
  return seed % n
end

-- ---------------------------------------------------------------- encoder
local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r'}

local function escape_string(s)
  local out = s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", string.byte(c))
  end)
  return '"' .. out .. '"'
end

local encode_value

local function is_array(t)
  local n = #t
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

local function encode_table(t, buf)
  if is_array(t) then
    buf[#buf + 1] = "["
    for i = 1, #t do
      if i > 1 then buf[#buf + 1] = "," end
      encode_value(t[i], buf)
    end
    buf[#buf + 1] = "]"
  else
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    buf[#buf + 1] = "{"
    for i, k in ipairs(keys) do
      if i > 1 then buf[#buf + 1] = "," end
      buf[#buf + 1] = escape_string(k)
      buf[#buf + 1] = ":"
      encode_value(t[k], buf)
    end
    buf[#buf + 1] = "}"
  end
end

function encode_value(v, buf)
  local ty = type(v)
  if ty == "string" then
    buf[#buf + 1] = escape_string(v)
  elseif ty == "number" then
    if math.floor(v) == v then buf[#buf + 1] = string.format("%d", v)
    else buf[#buf + 1] = tostring(v) end
  elseif ty == "boolean" then
    buf[#buf + 1] = v and "true" or "false"
  elseif ty == "table" then
    encode_table(v, buf)
  else
    buf[#buf + 1] = "null"
  end
end

local function encode(v)
  local buf = {}
  encode_value(v, buf)
  return table.concat(buf)
end

-- ---------------------------------------------------------------- decoder
local B_QUOTE, B_BSLASH, B_LBRACE, B_RBRACE = string.byte('"'), string.byte('\\'), string.byte('{'), string.byte('}')
local B_LBRACK, B_RBRACK, B_COMMA, B_COLON = string.byte('['), string.byte(']'), string.byte(','), string.byte(':')
local B_MINUS, B_0, B_9 = string.byte('-'), string.byte('0'), string.byte('9')
local unescapes = {n = "\n", t = "\t", r = "\r", ['"'] = '"', ['\\'] = '\\', ['/'] = '/'}

local decode_value

local function skip(s, i)
  local b = string.byte(s, i)
  while b == 32 or b == 10 or b == 9 or b == 13 do
    i = i + 1
    b = string.byte(s, i)
  end
  return i
end

local function decode_string(s, i)
  -- s[i] is the opening quote
  local parts = {}
  local j = i + 1
  while true do
    local b = string.byte(s, j)
    if b == B_QUOTE then
      parts[#parts + 1] = string.sub(s, i + 1, j - 1)
      return table.concat(parts), j + 1
    elseif b == B_BSLASH then
      parts[#parts + 1] = string.sub(s, i + 1, j - 1)
      local e = string.sub(s, j + 1, j + 1)
      if e == "u" then
        parts[#parts + 1] = string.char(tonumber(string.sub(s, j + 2, j + 5), 16))
        j = j + 6
      else
        parts[#parts + 1] = unescapes[e]
        j = j + 2
      end
      i = j - 1
    elseif b == nil then
      error("unterminated string")
    else
      j = j + 1
    end
  end
end

local function decode_number(s, i)
  local j = i
  local b = string.byte(s, j)
  while b == B_MINUS or (b >= B_0 and b <= B_9) or b == 46 or b == 101 or b == 69 or b == 43 do
    j = j + 1
    b = string.byte(s, j)
    if b == nil then break end
  end
  return tonumber(string.sub(s, i, j - 1)), j
end

function decode_value(s, i)
  i = skip(s, i)
  local b = string.byte(s, i)
  if b == B_LBRACE then
    local t = {}
    i = skip(s, i + 1)
    if string.byte(s, i) == B_RBRACE then return t, i + 1 end
    while true do
      local k
      k, i = decode_string(s, skip(s, i))
      i = skip(s, i)
      if string.byte(s, i) ~= B_COLON then error("expected ':' at " .. i) end
      t[k], i = decode_value(s, i + 1)
      i = skip(s, i)
      b = string.byte(s, i)
      if b == B_RBRACE then return t, i + 1 end
      if b ~= B_COMMA then error("expected ',' at " .. i) end
      i = i + 1
    end
  elseif b == B_LBRACK then
    local t = {}
    i = skip(s, i + 1)
    if string.byte(s, i) == B_RBRACK then return t, i + 1 end
    while true do
      t[#t + 1], i = decode_value(s, i)
      i = skip(s, i)
      b = string.byte(s, i)
      if b == B_RBRACK then return t, i + 1 end
      if b ~= B_COMMA then error("expected ',' at " .. i) end
      i = i + 1
    end
  elseif b == B_QUOTE then
    return decode_string(s, i)
  elseif b == B_MINUS or (b >= B_0 and b <= B_9) then
    return decode_number(s, i)
  elseif string.sub(s, i, i + 3) == "true" then
    return true, i + 4
  elseif string.sub(s, i, i + 4) == "false" then
    return false, i + 5
  elseif string.sub(s, i, i + 3) == "null" then
    return nil, i + 4
  end
  error("unexpected character at " .. i)
end

local function decode(s)
  local v = decode_value(s, 1)
  return v
end

-- ---------------------------------------------------------------- documents
local words = {"alpha", "beta", "gamma", "delta", "tab\there", "quote\"d", "back\\slash", "line\nbreak", "x", "luahost"}

local function make_doc(depth)
  local kind = rnd(6)
  if depth > 3 or kind == 0 then return rnd(100000) - 50000 end
  if kind == 1 then return words[rnd(#words) + 1] .. rnd(1000) end
  if kind == 2 then return rnd(2) == 0 end
  if kind == 3 then return (rnd(200000) - 100000) / 4 end
  if kind == 4 then
    local t = {}
    for i = 1, rnd(8) + 1 do t[i] = make_doc(depth + 1) end
    return t
  end
  local t = {}
  for i = 1, rnd(6) + 1 do t["k" .. rnd(50)] = make_doc(depth + 1) end
  t.name = words[rnd(#words) + 1]
  return t
end

local function checksum_string(s, acc)
  for i = 1, #s, 7 do acc = (acc * 31 + string.byte(s, i)) % M end
  return (acc + #s) % M
end

local acc, bytes = 0, 0
for d = 1, N do
  local doc = {id = d, items = make_doc(0), tags = {make_doc(2), make_doc(1)}}
  local text = encode(doc)
  local back = decode(text)
  local again = encode(back)
  if again ~= text then error("round trip mismatch in document " .. d) end
  bytes = bytes + #text
  acc = checksum_string(text, acc)
end
print(string.format("json: %d documents, %d bytes, checksum %d", N, bytes, acc))
