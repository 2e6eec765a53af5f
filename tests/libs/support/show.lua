-- Shared by the library drivers in tests/libs: a deterministic rendering of
-- any value (keys sorted, no addresses) and a checked-call printer, so that
-- lua5.4 and luahost print the same text whenever they compute the same thing.
local M = {}

local function keycmp(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(ta) < tostring(tb)
end

local function show(v, seen, depth)
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v) .. (v == math.floor(v) and v == v and math.abs(v) < 1e15 and ".0" or "")
  end
  if t == "boolean" or t == "nil" then return tostring(v) end
  if t ~= "table" then return "<" .. t .. ">" end
  seen = seen or {}
  if seen[v] then return "<cycle>" end
  depth = depth or 0
  if depth > 8 then return "{...}" end
  seen[v] = true
  local keys, n = {}, rawlen(v)
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, keycmp)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = show(v[i], seen, depth + 1) end
  for _, k in ipairs(keys) do
    local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. show(k, seen, depth + 1) .. "]"
    parts[#parts + 1] = ks .. "=" .. show(v[k], seen, depth + 1)
  end
  seen[v] = nil
  local mt = getmetatable(v)
  return (mt and "@" or "") .. "{" .. table.concat(parts, ", ") .. "}"
end
M.show = function(v) return show(v) end

-- Prints "label: v1, v2, ..." with every result of f(...) rendered by show,
-- or "label: error <message>" when f raises (the message without addresses).
function M.check(label, f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] then
    local e = r[2]
    if type(e) == "table" then e = show(e) else e = tostring(e) end
    print(label .. ": error " .. (e:gsub("0x%x+", "ADDR")))
    return
  end
  local parts = {}
  for i = 2, r.n do parts[#parts + 1] = show(r[i]) end
  print(label .. ": " .. table.concat(parts, ", "))
end

-- Adds the Debian folder of pure-Lua libraries packaged for Lua 5.1 only
-- (they are installed there and nowhere else) to the default path, before
-- the current folder (where a driver of the same name may be).
function M.use51()
  local extra = "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua;"
  local p, n = package.path:gsub("%./%?%.lua", function(m) return extra .. m end, 1)
  package.path = n == 1 and p or package.path .. ";" .. extra
end

-- Where require finds a module, relative to /usr/share/lua (both interpreters must agree).
function M.where(name)
  local p = package.searchpath(name, package.path)
  print("module " .. name .. " from " .. tostring(p))
end

return M
