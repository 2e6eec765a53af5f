local function decode(s)
  local pos = 1
  local function ws() pos = s:find("%S", pos) or #s + 1 end
  local function err(msg) error(string.format("%s at position %d", msg, pos), 0) end
  local value
  local function str()
    pos = pos + 1
    local buf = {}
    while true do
      local c = s:sub(pos, pos)
      if c == "" then err("unterminated string") end
      if c == '"' then pos = pos + 1 break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        local map = {n = "\n", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/"}
        if e == "u" then buf[#buf + 1] = utf8.char(tonumber(s:sub(pos + 2, pos + 5), 16)) pos = pos + 6
        elseif map[e] then buf[#buf + 1] = map[e] pos = pos + 2
        else err("bad escape") end
      else buf[#buf + 1] = c pos = pos + 1 end
    end
    return table.concat(buf)
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      pos = pos + 1
      local obj = {}
      ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1 return obj end
      repeat
        ws()
        if s:sub(pos, pos) ~= '"' then err("expected key") end
        local k = str()
        ws()
        if s:sub(pos, pos) ~= ":" then err("expected ':'") end
        pos = pos + 1
        obj[k] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
      until d ~= ","
      if s:sub(pos - 1, pos - 1) ~= "}" then pos = pos - 1 err("expected '}'") end
      return obj
    elseif c == "[" then
      pos = pos + 1
      local arr = {}
      ws()
      if s:sub(pos, pos) == "]" then pos = pos + 1 return arr end
      repeat
        arr[#arr + 1] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
      until d ~= ","
      if s:sub(pos - 1, pos - 1) ~= "]" then pos = pos - 1 err("expected ']'") end
      return arr
    elseif c == '"' then return str()
    elseif s:find("^true", pos) then pos = pos + 4 return true
    elseif s:find("^false", pos) then pos = pos + 5 return false
    elseif s:find("^null", pos) then pos = pos + 4 return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then err("unexpected character '" .. c .. "'") end
      pos = pos + #num
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
  end
  local v = value()
  ws()
  if pos <= #s then err("trailing garbage") end
  return v
end
local d = decode('{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "x\\ny\\u0041"}, "e": []}')
print(#d.a, d.a[1], d.a[2], d.a[3], d.a[4], d.a[5], d.a[6], d.b.c, #d.e)
print(pcall(decode, '{"a" 1}'))
print(pcall(decode, '[1, 2'))
print(pcall(decode, '[1] x'))
print(pcall(decode, '@'))
print(decode('"just a string"'), decode("42"), decode(" [ ] ")[1])
