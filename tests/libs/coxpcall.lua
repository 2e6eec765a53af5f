-- debian: lua-coxpcall
-- coxpcall (Debian lua-coxpcall, Lua 5.1 folder): on 5.4 it detects that pcall and
-- xpcall may yield and returns them; exercised with yields across protected calls.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("coxpcall")
local cox = require("coxpcall")
print(cox.pcall == pcall, cox.xpcall == xpcall, cox.running == coroutine.running, copcall == pcall, coxpcall == xpcall)
local co = coroutine.wrap(function(a)
  local ok, v = copcall(function(x)
    local y = coroutine.yield(x + 1)
    local ok2, e = coxpcall(function() coroutine.yield("inner") error("boom", 0) end, function(m) return "handled " .. m end)
    coroutine.yield(tostring(ok2) .. " " .. e)
    return y * 2
  end, a)
  return "done", ok, v
end)
print(co(10)); print(co(21)); print(co()); print(co())
S.check("error table", function() return copcall(error, { code = 1 }) end)
print(select("#", copcall(function() return 1, nil, 3, nil end)))
print(coxpcall(function() error("x") end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
local ok, err = copcall(function() local t = nil; return t.x end)
print(ok, err)
