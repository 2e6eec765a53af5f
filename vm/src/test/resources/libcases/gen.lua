-- Generates the expected results of the library unit tests by running the
-- cases on the reference interpreter:  lua5.4 gen.lua <lib>  (see regen.sh).
--
-- Each case calls one library function with pcall and prints one line:
--   <function> TAB (<args>) TAB ok(<results>) | err(<message>) TAB (<args after the call>)
-- Values are serialized as: nil, true, false, i<integer>, f<%.17g float>,
-- s<string with \ , ( ) { } = TAB NL and non-printable bytes as \xHH>,
-- {k=v,...} for tables (entries sorted), F<name> for the named functions
-- below, "function"/"userdata"/"thread" otherwise. The Java side
-- (LibCasesTest) parses the arguments, makes the same call and compares.
local lib = assert(arg[1], "usage: lua5.4 gen.lua <casefile>")

-- Functions the cases may pass as arguments; LibCasesTest defines the same ones.
NAMED = {
  lt = function(a, b) return a < b end,
  gt = function(a, b) return a > b end,
  yes = function() return true end,
  no = function() return false end,
  first = function(a, b) return a:sub(1, 1) < b:sub(1, 1) end,
  byk = function(a, b) return a.k < b.k end,
  boom = function() error("boom", 0) end,
  nilcmp = function() return nil end,
}
local NAMES = {}
for k, v in pairs(NAMED) do NAMES[v] = k end

local function esc(s)
  return (s:gsub("[^%w _%.%-%+%*/:;!?'\"#$&@%[%]^`|~<>]", function(c)
    return string.format("\\x%02X", c:byte())
  end))
end

local ser
function ser(v)
  local t = type(v)
  if v == nil then return "nil"
  elseif t == "boolean" then return tostring(v)
  elseif math.type(v) == "integer" then return "i" .. v
  elseif t == "number" then return "f" .. string.format("%.17g", v)
  elseif t == "string" then return "s" .. esc(v)
  elseif t == "table" then
    local parts = {}
    for k, x in pairs(v) do parts[#parts + 1] = ser(k) .. "=" .. ser(x) end
    table.sort(parts)
    return "{" .. table.concat(parts, ",") .. "}"
  elseif t == "function" then
    return NAMES[v] and ("F" .. NAMES[v]) or "function"
  else return t end
end

local function list(n, ...)
  local parts = {}
  local v = table.pack(...)
  for i = 1, n do parts[i] = ser(v[i]) end
  return "(" .. table.concat(parts, ",") .. ")"
end

-- case("math.floor", 3.7): calls the function named by its global path.
function case(fname, ...)
  local n = select("#", ...)
  local f = _G
  for part in fname:gmatch("[^%.]+") do f = f[part] end
  local before = list(n, ...)
  local r = table.pack(pcall(f, ...))
  local outcome
  if r[1] then outcome = "ok" .. list(r.n - 1, table.unpack(r, 2, r.n))
  else outcome = "err(" .. esc(tostring(r[2])) .. ")" end
  print(fname .. "\t" .. before .. "\t" .. outcome .. "\t" .. list(n, ...))
end

-- caseq: like case, but the results are not compared, only whether it failed
-- (for results that differ from run to run).
function caseq(fname, ...)
  local n = select("#", ...)
  local f = _G
  for part in fname:gmatch("[^%.]+") do f = f[part] end
  local ok, e = pcall(f, ...)
  print(fname .. "\t" .. list(n, ...) .. "\t" .. (ok and "any" or ("err(" .. esc(tostring(e)) .. ")")) .. "\t" .. list(n, ...))
end

dofile(lib)
