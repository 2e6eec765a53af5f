local log = {}
local function res(name)
  return setmetatable({name = name}, {__close = function(self, err)
    log[#log+1] = "close " .. self.name .. " err=" .. tostring(err)
  end})
end
do
  local a <close> = res("a")
  local b <close> = res("b")
  local c <close> = nil
  local d <close> = false
  log[#log+1] = "body"
end
local function f()
  local r <close> = res("in f")
  return "returned"
end
log[#log+1] = f()
for i = 1, 2 do
  local r <close> = res("loop" .. i)
  if i == 2 then break end
end
local ok, e = pcall(function()
  local r1 <close> = res("e1")
  local r2 <close> = res("e2")
  error("oops", 0)
end)
log[#log+1] = tostring(ok) .. " " .. e
for _, l in ipairs(log) do print(l) end
