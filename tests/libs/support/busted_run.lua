-- Runs busted (Debian lua-busted, Lua 5.1 folder) in this process, as
-- /usr/bin/busted does, any number of times: used by busted.lua and
-- upstream_specs.lua. busted's C dependencies get pure-Lua stand-ins:
-- support/lfs.lua, term.core (no terminal: the real term/init.lua and
-- term.colors load on top of it) and system.core (a clock that stands still,
-- so durations print as 0). The runner ends with os.exit: that becomes an
-- error caught here, the status is printed, and the loaded busted, luassert
-- and say modules are forgotten so that the next run starts afresh. Table
-- addresses in what busted writes are replaced by ADDR.
local here = ...
dofile(here .. "/support/lfs.lua")
package.preload["term.core"] = function() return { isatty = function() return false end } end
package.preload["system.core"] = function()
  return { gettime = function() return 1000 end, monotime = function() return 5 end, sleep = function() end }
end
package.preload.luacov = function() return {} end  -- Moses' specs load it for coverage

local write0 = io.write
io.write = function(...)
  local t = table.pack(...)
  for i = 1, t.n do if type(t[i]) == "string" then t[i] = t[i]:gsub("0x%x+", "ADDR") end end
  return write0(table.unpack(t, 1, t.n))
end

local exit, sentinel, status = os.exit, {}, nil
os.exit = function(code) status = code error(sentinel) end
return function(...)
  arg = { [0] = "busted", ... }
  print("== busted " .. table.concat(arg, " "))
  io.stdout:flush()
  for name in pairs(package.loaded) do
    if name:match("^busted") or name:match("^luassert") or name:match("^say") or name:match("^spec%.") then
      package.loaded[name] = nil
    end
  end
  status = nil
  local ok, err = pcall(function() require("busted.runner")({ standalone = false }) end)
  io.stdout:flush()
  if not ok and err ~= sentinel then print("runner error", (tostring(err):gsub("0x%x+", "ADDR"))) end
  print("== exit status " .. tostring(status))
  return status
end, exit
