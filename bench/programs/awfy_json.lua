-- awfy_json.lua: a JSON parser that builds JsonObject/JsonArray/JsonNumber/...
-- objects from a fixed document (after the Are-We-Fast-Yet "Json" description:
-- a small parser in the style of minimal-json over a ~2 KB text), object-oriented
-- Lua with a class per value kind and a Parser class reading one character at a time.
-- Stresses: string.sub/byte per character, method calls, small object allocation,
-- string building with a buffer table.
-- Size parameter (arg[1]): number of documents parsed.
local N = tonumber(arg and arg[1]) or 600

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

-- ------------------------------------------------------------- values
local JsonValue = class()
function JsonValue:isObject() return false end
function JsonValue:isArray() return false end
function JsonValue:isNumber() return false end
function JsonValue:isString() return false end
function JsonValue:isLiteral() return false end

local JsonLiteral = class(JsonValue)
function JsonLiteral.new(name) return setmetatable({name = name}, JsonLiteral) end
function JsonLiteral:isLiteral() return true end
local NULL, TRUE, FALSE = JsonLiteral.new("null"), JsonLiteral.new("true"), JsonLiteral.new("false")

local JsonNumber = class(JsonValue)
function JsonNumber.new(text) return setmetatable({text = text}, JsonNumber) end
function JsonNumber:isNumber() return true end

local JsonString = class(JsonValue)
function JsonString.new(s) return setmetatable({s = s}, JsonString) end
function JsonString:isString() return true end

local JsonArray = class(JsonValue)
function JsonArray.new() return setmetatable({values = {}, n = 0}, JsonArray) end
function JsonArray:isArray() return true end
function JsonArray:add(v) self.n = self.n + 1; self.values[self.n] = v; return self end
function JsonArray:size() return self.n end
function JsonArray:get(i) return self.values[i] end

-- an object keeps names and values in order plus a hash index for lookups
local JsonObject = class(JsonValue)
function JsonObject.new() return setmetatable({names = {}, values = {}, n = 0, index = {}}, JsonObject) end
function JsonObject:isObject() return true end
function JsonObject:add(name, value)
  self.n = self.n + 1
  self.names[self.n] = name
  self.values[self.n] = value
  self.index[name] = self.n
  return self
end
function JsonObject:get(name)
  local i = self.index[name]
  if i then return self.values[i] end
  return nil
end
function JsonObject:size() return self.n end

-- ------------------------------------------------------------- parser
local Parser = class()
function Parser.new(input)
  return setmetatable({input = input, index = 0, line = 1, column = 0, current = nil,
                       capture = nil, captureStart = -1}, Parser)
end

function Parser:read()
  if self.current == "\n" then self.line = self.line + 1; self.column = 0 end
  self.index = self.index + 1
  self.column = self.column + 1
  local c = self.input:sub(self.index, self.index)
  if c == "" then self.current = nil else self.current = c end
end

function Parser:error(what)
  error(string.format("Expected %s at %d:%d", what, self.line, self.column))
end

function Parser:isWhiteSpace()
  local c = self.current
  return c == " " or c == "\t" or c == "\n" or c == "\r"
end
function Parser:skipWhiteSpace() while self:isWhiteSpace() do self:read() end end
function Parser:readChar(ch)
  if self.current ~= ch then return false end
  self:read()
  return true
end
function Parser:readRequiredChar(ch) if not self:readChar(ch) then self:error("'" .. ch .. "'") end end
function Parser:isDigit()
  local c = self.current
  return c ~= nil and c >= "0" and c <= "9"
end
function Parser:isHexDigit()
  local c = self.current
  return c ~= nil and ((c >= "0" and c <= "9") or (c >= "a" and c <= "f") or (c >= "A" and c <= "F"))
end

function Parser:startCapture() self.capture = {}; self.captureStart = self.index end
function Parser:pauseCapture()
  self.capture[#self.capture + 1] = self.input:sub(self.captureStart, self.index - 1)
  self.captureStart = -1
end
function Parser:endCapture()
  self:pauseCapture()
  local s = table.concat(self.capture)
  self.capture = nil
  return s
end

function Parser:parse()
  self:read()
  self:skipWhiteSpace()
  local result = self:readValue()
  self:skipWhiteSpace()
  if self.current ~= nil then self:error("end of input") end
  return result
end

function Parser:readValue()
  local c = self.current
  if c == "n" then return self:readLiteral("null", NULL)
  elseif c == "t" then return self:readLiteral("true", TRUE)
  elseif c == "f" then return self:readLiteral("false", FALSE)
  elseif c == '"' then return JsonString.new(self:readStringInternal())
  elseif c == "[" then return self:readArray()
  elseif c == "{" then return self:readObject()
  elseif c == "-" or self:isDigit() then return self:readNumber()
  end
  self:error("value")
end

function Parser:readLiteral(word, value)
  for i = 1, #word do self:readRequiredChar(word:sub(i, i)) end
  return value
end

function Parser:readArray()
  self:read()
  local array = JsonArray.new()
  self:skipWhiteSpace()
  if self:readChar("]") then return array end
  repeat
    self:skipWhiteSpace()
    array:add(self:readValue())
    self:skipWhiteSpace()
  until not self:readChar(",")
  if not self:readChar("]") then self:error("',' or ']'") end
  return array
end

function Parser:readObject()
  self:read()
  local object = JsonObject.new()
  self:skipWhiteSpace()
  if self:readChar("}") then return object end
  repeat
    self:skipWhiteSpace()
    if self.current ~= '"' then self:error("name") end
    local name = self:readStringInternal()
    self:skipWhiteSpace()
    if not self:readChar(":") then self:error("':'") end
    self:skipWhiteSpace()
    object:add(name, self:readValue())
    self:skipWhiteSpace()
  until not self:readChar(",")
  if not self:readChar("}") then self:error("',' or '}'") end
  return object
end

local ESCAPES = {['"'] = '"', ["/"] = "/", ["\\"] = "\\", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t"}

function Parser:readEscape()
  self:read()
  local c = self.current
  local e = ESCAPES[c]
  if e then
    self.capture[#self.capture + 1] = e
  elseif c == "u" then
    local hex = {}
    for i = 1, 4 do
      self:read()
      if not self:isHexDigit() then self:error("hexadecimal digit") end
      hex[i] = self.current
    end
    self.capture[#self.capture + 1] = string.char(tonumber(table.concat(hex), 16) % 256)
  else
    self:error("valid escape sequence")
  end
  self:read()
end

function Parser:readStringInternal()
  self:read()
  self:startCapture()
  while self.current ~= '"' do
    if self.current == "\\" then
      self:pauseCapture()
      self:readEscape()
      self.captureStart = self.index
    elseif self.current == nil then
      self:error("'\"'")
    else
      self:read()
    end
  end
  local s = self:endCapture()
  self:read()
  return s
end

function Parser:readDigit()
  if not self:isDigit() then return false end
  self:read()
  return true
end

function Parser:readNumber()
  self:startCapture()
  self:readChar("-")
  local first = self.current
  if not self:readDigit() then self:error("digit") end
  if first ~= "0" then while self:readDigit() do end end
  if self:readChar(".") then
    if not self:readDigit() then self:error("digit") end
    while self:readDigit() do end
  end
  if self:readChar("e") or self:readChar("E") then
    if not self:readChar("+") then self:readChar("-") end
    if not self:readDigit() then self:error("digit") end
    while self:readDigit() do end
  end
  return JsonNumber.new(self:endCapture())
end

-- ------------------------------------------------------------- the document
-- A generated document shaped like a web service's answer: a header object and
-- an array of records with nested objects, strings with escapes, numbers.
local function makeDocument()
  local parts = {'{"head": {"status": 200, "version": "1.0", "ok": true, "next": null},\n "items": ['}
  local seed = 42
  for i = 1, 24 do
    seed = (seed * 16807) % 2147483647
    local sep = i > 1 and ",\n  " or "\n  "
    parts[#parts + 1] = string.format(
      '%s{"id": %d, "name": "item \\"%d\\"", "price": %d.%02d, "ratio": -%de-%d, "tags": ["a", "b\\n", "\\u0041%d"], ' ..
      '"dims": {"w": %d, "h": %d, "deep": [[1, 2], [3, [4, {"x": false}]]]}, "active": %s}',
      sep, i, seed % 1000, seed % 500, seed % 100, seed % 9 + 1, seed % 5 + 1, i, seed % 77, seed % 33,
      (seed % 2 == 0) and "true" or "false")
  end
  parts[#parts + 1] = "\n]}"
  return table.concat(parts)
end

local DOC = makeDocument()

local function checksum(v, acc)
  if v:isObject() then
    for i = 1, v.n do
      acc = (acc * 31 + #v.names[i]) % 2147483647
      acc = checksum(v.values[i], acc)
    end
  elseif v:isArray() then
    for i = 1, v:size() do acc = checksum(v:get(i), acc) end
    acc = (acc * 7 + v:size()) % 2147483647
  elseif v:isString() then
    acc = (acc * 31 + #v.s + (v.s:byte(1) or 0)) % 2147483647
  elseif v:isNumber() then
    acc = (acc * 31 + #v.text) % 2147483647
  else
    acc = (acc * 31 + #v.name) % 2147483647
  end
  return acc
end

local sum = 0
for _ = 1, N do
  local result = Parser.new(DOC):parse()
  if not result:isObject() or result:get("items"):size() ~= 24 or result:get("head"):get("status").text ~= "200" then
    error("json: wrong parse")
  end
  sum = (sum + checksum(result, 0)) % 2147483647
end
print("document length", #DOC, "checksum", sum)
