-- call hooks see string functions called through their fast paths too
local counts = {}
local function hook(ev)
  local info = debug.getinfo(2, "nS")
  if info.what == "C" then
    local k = ev .. ":" .. tostring(info.name)
    counts[k] = (counts[k] or 0) + 1
  end
end
local s = "hello"
debug.sethook(hook, "cr")
for i = 1, 3 do
  local a = s:sub(i, i)
  local b = s:byte(i)
  local c = s:len()
  local d = string.char(65)
  local e = s:upper()
end
debug.sethook()
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, counts[k]) end
