-- luahost store show: prints the globals a restored snapshot added or changed,
-- as Lua-like text, touching values only with raw operations (no metamethod
-- and no function of the snapshot runs). Arguments: the baseline (a table of
-- the fresh state's globals, and for each library table a shallow copy), the
-- depth limit and the entry limit per table.
local base, maxdepth, maxentries = ...
local next, type, rawequal, tostring, format = next, type, rawequal, tostring, string.format
local getinfo = debug.getinfo
local out = {}
local function emit(s) out[#out + 1] = s end

local function literal(v)
  local t = type(v)
  if t == 'string' then return (format('%q', v):gsub('\\\n', '\\n')) end
  if t == 'number' then
    if math.type(v) == 'integer' then return tostring(v) end
    if v ~= v then return '0/0' elseif v == math.huge then return '1/0' elseif v == -math.huge then return '-1/0' end
    return format('%.17g', v):find('[%.eEn]') and format('%.17g', v) or format('%.1f', v)
  end
  return tostring(v)
end

local function fname(f)
  local i = getinfo(f, 'S')
  if i.what == 'C' then return 'function (built in)' end
  return format('function (%s:%d)', i.short_src, i.linedefined)
end

local order = {boolean = 1, number = 2, string = 3, table = 4, ['function'] = 5, userdata = 6, thread = 7}
local function sortedkeys(t)
  local ks, n, more = {}, 0, 0
  for k in next, t do
    n = n + 1
    if n <= maxentries then ks[n] = k else more = more + 1 end
  end
  table.sort(ks, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return order[ta] < order[tb] end
    if ta == 'number' or ta == 'string' then return a < b end
    if ta == 'boolean' then return not a and b end
    return tostring(a) < tostring(b)
  end)
  return ks, more
end

local function keytext(k)
  if type(k) == 'string' and k:match('^[%a_][%w_]*$') then return k end
  return '[' .. (type(k) == 'table' and 'table' or type(k) == 'function' and fname(k) or literal(k)) .. ']'
end

local seen = {}
local function value(v, path, indent, depth)
  local t = type(v)
  if t == 'function' then return fname(v) end
  if t == 'thread' then return 'thread (' .. coroutine.status(v) .. ')' end
  if t ~= 'table' then return literal(v) end
  if seen[v] then return '<the table at ' .. seen[v] .. '>' end
  seen[v] = path
  if next(v) == nil and getmetatable(v) == nil then return '{}' end
  if depth >= maxdepth then return '{...}' end
  local lines = {'{'}
  local ks, more = sortedkeys(v)
  local inner = indent .. '  '
  for _, k in ipairs(ks) do
    local sub = type(k) == 'string' and k:match('^[%a_][%w_]*$') and path .. '.' .. k or path .. keytext(k)
    lines[#lines + 1] = inner .. keytext(k) .. ' = ' .. value(rawget(v, k), sub, inner, depth + 1) .. ','
  end
  if more > 0 then lines[#lines + 1] = inner .. '-- ' .. more .. ' more entries' end
  local mt = debug.getmetatable(v)
  if mt ~= nil then lines[#lines + 1] = inner .. '-- metatable: ' .. value(mt, path .. '<metatable>', inner, depth + 1) end
  lines[#lines + 1] = indent .. '}'
  return table.concat(lines, '\n')
end

local ks = sortedkeys(_G)
for _, k in ipairs(ks) do
  local v = rawget(_G, k)
  local b = base.values[k]
  if not rawequal(v, b) then
    emit(keytext(k) .. ' = ' .. value(v, keytext(k), '', 1))
  elseif type(v) == 'table' and base.copies[k] then
    -- a library table: the entries the snapshot added or replaced
    local copy = base.copies[k]
    for _, kk in ipairs((sortedkeys(v))) do
      if not rawequal(rawget(v, kk), copy[kk]) then
        local p = keytext(k) .. (type(kk) == 'string' and kk:match('^[%a_][%w_]*$') and '.' .. kk or keytext(kk))
        emit(p .. ' = ' .. value(rawget(v, kk), p, '', 1))
      end
    end
  end
end
return table.concat(out, '\n')
