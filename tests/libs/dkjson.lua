-- debian: lua-dkjson
-- dkjson (Debian lua-dkjson): encode/decode, options, exceptions, errors.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("dkjson")
local json = require("dkjson")
print(json.version)
local check, show = S.check, S.show

local keyorder = { "name", "id", "tags", "nested", "ok", "ratio", "x", "empty" }
local doc = { name = "luahost", id = 42, tags = { "a", "b", "c" }, ok = true, ratio = 0.25,
              nested = { x = { 1, 2, { y = "z" } }, empty = {} } }
print(json.encode(doc, { keyorder = keyorder }))
print(json.encode(doc, { indent = true, keyorder = keyorder }))
print(json.encode({ 1, 2, 3, "four", false, json.null }))
print(json.encode("esc: \" \\ / \b \f \n \r \t \1 \31 \127 é"))
print(json.encode({ [1] = "a", [2] = "b", [4] = "d" }))
print(json.encode({}), json.encode(setmetatable({}, { __jsontype = "array" })),
      json.encode(setmetatable({}, { __jsontype = "object" })))
for _, n in ipairs { 0, -0.0, 1, -1, 1.5, 1e300, -1e-300, 123456789012, 2^53, 3.14159265358979, 1/3 } do
  print("number", n, json.encode(n))
end
check("inf", json.encode, math.huge)
check("nan", json.encode, 0/0)
check("function", json.encode, { f = print })
check("cycle", function() local t = {} t.t = t return json.encode(t) end)
check("exception", json.encode, { f = print }, { exception = json.encodeexception })
print(json.encode({ t = setmetatable({}, { __tojson = function(self, state) return "\"custom\"" end }) }))
print(json.quotestring("quote \"me\"\n"))

local texts = {
  '{"a":1,"b":[true,false,null],"c":"str\\u00e9\\n","d":{"e":-1.5e3}}',
  '[1, 2.5, -3, 4e2, "x", [], {}]',
  '  "just a string"  ',
  '12345678901234567890',
  '{"unicode":"\\ud83d\\ude00 \\u0041"}',
  '{"a": /* comment */ 1}',
  '[1, 2,',
  '{"a" 1}',
  '[1, 2] trailing',
  '',
  'nul',
  '{"k": "unterminated}',
}
for i, s in ipairs(texts) do
  local obj, pos, err = json.decode(s)
  print("decode " .. i, show(obj), pos, err)
end
local obj, pos = json.decode('{"x":null,"y":[null,1]}', 1, json.null)
print("nullval", obj.x == json.null, obj.y[1] == json.null, obj.y[2], pos)
local objmt, arrmt = { kind = "object" }, { kind = "array" }
local obj2 = json.decode('[1,2,{"k":[3]}]', 1, nil, objmt, arrmt)
print("meta", getmetatable(obj2) == arrmt, getmetatable(obj2[3]) == objmt, show(obj2))
local withmeta = json.decode('{"a":[1,2]}')
print("default meta", getmetatable(withmeta) and getmetatable(withmeta).__jsontype,
      getmetatable(withmeta.a) and getmetatable(withmeta.a).__jsontype)
-- round trips
local big = {}
for i = 1, 200 do big[i] = { i = i, s = string.rep(string.char(65 + i % 26), i % 7), f = i / 8 } end
local enc = json.encode(big, { keyorder = { "i", "s", "f" } })
print(#enc, enc:sub(1, 120))
local dec = json.decode(enc)
local same = true
for i = 1, 200 do
  if dec[i].i ~= i or dec[i].s ~= big[i].s or dec[i].f ~= big[i].f then same = false end
end
print("round trip", same, #dec)
local buffer = {}
local st = { indent = true, keyorder = keyorder, buffer = buffer, bufferlen = 0, level = 1 }
print(json.encode({ id = 1, name = "n" }, st), #buffer, st.bufferlen)
print(table.concat(buffer))
