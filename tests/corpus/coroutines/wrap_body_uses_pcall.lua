-- a wrap generator whose body protects its own errors
local gen = coroutine.wrap(function()
  for i = 1, 3 do
    local ok, e = pcall(function()
      coroutine.yield(i)
      if i == 2 then error("bad " .. i, 0) end
    end)
    if not ok then coroutine.yield("recovered: " .. e) end
  end
end)
for v in gen do print(v) end
