-- A small stand-in for lua-TestMore ("Test.More", not packaged by Debian),
-- enough for lua-MessagePack's own tests: plan, require_ok, ok, nok, is, isnt, like,
-- type_ok, is_deeply, eq_array, error_like, lives_ok, pass, fail, diag, skip,
-- skip_all, BAIL_OUT, done_testing, printing TAP ("ok N - name", "not ok N - name" with
-- what was got and expected as diagnostics). Values are rendered by
-- support/show.lua, so the lines do not depend on addresses. M.reset starts
-- the count for the next test file.
local S = ...
local show = S.show
local M = { n = 0, failed = 0 }
local function diag(msg) print("# " .. tostring(msg):gsub("\n", "\n# ")) end
local function report(okv, name)
  M.n = M.n + 1
  if not okv then M.failed = M.failed + 1 end
  print((okv and "ok " or "not ok ") .. M.n .. (name and (" - " .. tostring(name)) or ""))
  return okv
end
local function deep(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then return a == b or (a ~= a and b ~= b) end
  for k, v in pairs(a) do if not deep(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
local function got(g, e)
  diag("         got: " .. show(g))
  diag("    expected: " .. show(e))
end
function M.reset() M.n, M.failed = 0, 0 end
_G.plan = function(n) if type(n) == "number" then print("1.." .. n) end end
_G.done_testing = function(n) print("1.." .. (n or M.n)) end
_G.skip_all = function(reason) print("1..0 # SKIP " .. tostring(reason)) error("skip_all", 0) end
_G.diag = diag
_G.pass = function(name) return report(true, name) end
_G.fail = function(name) return report(false, name) end
_G.ok = function(v, name) return report(not not v, name) end
_G.nok = function(v, name) return report(not v, name) end
_G.is = function(g, e, name) if not report(g == e or (g ~= g and e ~= e), name) then got(g, e) end end
_G.isnt = function(g, e, name) if not report(g ~= e, name) then got(g, "anything else") end end
_G.like = function(g, pat, name)
  if not report(type(g) == "string" and g:match(pat) ~= nil, name) then got(g, pat) end
end
_G.type_ok = function(v, t, name) if not report(type(v) == t, name) then got(type(v), t) end end
_G.is_deeply = function(g, e, name) if not report(deep(g, e), name) then got(g, e) end end
_G.eq_array = function(g, e, name)
  local same = #g == #e
  for i = 1, #e do same = same and (g[i] == e[i] or (g[i] ~= g[i] and e[i] ~= e[i])) end
  if not report(same, name) then got(g, e) end
end
_G.error_like = function(f, args, pat, name)
  if type(args) ~= "table" then args, pat, name = {}, args, pat end
  local r, msg = pcall(f, table.unpack(args))
  if not report(not r and type(msg) == "string" and msg:match(pat) ~= nil, name) then
    got(r and "no error" or msg, pat)
  end
end
_G.require_ok = function(mod)
  local r, msg = pcall(require, mod)
  if not report(r, "require '" .. mod .. "'") then diag(msg) end
  return r
end
_G.BAIL_OUT = function(reason) print("Bail out! " .. tostring(reason)) error("skip_all", 0) end
_G.lives_ok = function(f, name) local r, msg = pcall(f) if not report(r, name) then diag(msg) end end
_G.skip = function(reason, n) for _ = 1, n or 1 do report(true, "# skip " .. tostring(reason)) end end
package.loaded["Test.More"] = true
return M
