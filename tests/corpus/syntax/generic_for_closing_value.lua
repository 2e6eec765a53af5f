local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err) log[#log+1] = name .. ":" .. tostring(err) end})
end
local function iter(s, i)
  i = i + 1
  if i <= 3 then return i end
end
for i in iter, nil, 0, closer("normal") do end
for i in iter, nil, 0, closer("break") do if i == 2 then break end end
local function f()
  for i in iter, nil, 0, closer("return") do if i == 1 then return "ret" end end
end
f()
print(pcall(function()
  for i in iter, nil, 0, closer("error") do error("boom", 0) end
end))
for _, l in ipairs(log) do print(l) end
