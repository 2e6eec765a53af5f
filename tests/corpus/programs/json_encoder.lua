local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return keys
end
local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t'}
local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
end
local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do if t[i] == nil then return false end end
  return true, n
end
local encode
function encode(v, indent, depth)
  depth = depth or 0
  local ty = type(v)
  if v == nil then return "null"
  elseif ty == "boolean" then return tostring(v)
  elseif ty == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("cannot encode " .. tostring(v)) end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif ty == "string" then return encode_string(v)
  elseif ty == "table" then
    local arr, n = is_array(v)
    local parts = {}
    if arr and n > 0 then
      for i = 1, n do parts[i] = encode(v[i], indent, depth + 1) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    for _, k in ipairs(sorted_keys(v)) do
      parts[#parts + 1] = encode_string(tostring(k)) .. ":" .. encode(v[k], indent, depth + 1)
    end
    if #parts == 0 then return "{}" end
    return "{" .. table.concat(parts, ",") .. "}"
  else
    error("cannot encode type " .. ty)
  end
end
print(encode({1, 2, 3}))
print(encode({name = "Lua", version = 5.4, tags = {"fast", "small"}, nested = {ok = true, none = false}}))
print(encode("quote \" backslash \\ newline \n tab \t ctrl \1"))
print(encode({}))
print(encode({{}, {{}}, {a = {}}}))
print(encode({3.5, -0.25, 1e20, 2^53, math.maxinteger}))
print(pcall(encode, {0/0}))
print(pcall(encode, {f = print}))
