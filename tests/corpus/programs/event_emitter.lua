local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({handlers = {}}, Emitter) end
function Emitter:on(ev, fn)
  local list = self.handlers[ev] or {}
  self.handlers[ev] = list
  list[#list + 1] = fn
  return function()
    for i, f in ipairs(list) do if f == fn then table.remove(list, i) return true end end
    return false
  end
end
function Emitter:once(ev, fn)
  local off
  off = self:on(ev, function(...) off() return fn(...) end)
  return off
end
function Emitter:emit(ev, ...)
  local list = self.handlers[ev]
  if not list then return 0 end
  local snapshot = {table.unpack(list)}
  local errors = {}
  for _, f in ipairs(snapshot) do
    local ok, e = pcall(f, ...)
    if not ok then errors[#errors + 1] = e end
  end
  return #snapshot, errors
end
local e = Emitter.new()
local log = {}
local off = e:on("data", function(x) log[#log + 1] = "A" .. x end)
e:on("data", function(x) log[#log + 1] = "B" .. x end)
e:once("data", function(x) log[#log + 1] = "once" .. x end)
e:on("data", function(x) if x == 2 then error("handler failed on " .. x, 0) end end)
local n1, e1 = e:emit("data", 1)
print(n1, #e1)
local n, errs = e:emit("data", 2)
print(n, #errs, errs[1])
print(off(), off())
local n3, e3 = e:emit("data", 3)
print(n3, #e3)
print(e:emit("nothing"))
print(table.concat(log, " "))
