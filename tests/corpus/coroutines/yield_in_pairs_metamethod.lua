-- __pairs may yield before giving the iterator
local t = setmetatable({}, {__pairs = function(self)
  coroutine.yield("preparing")
  local i = 0
  return function() i = i + 1; if i <= 3 then return i, i * i end end, self, nil
end})
local co = coroutine.create(function()
  local out = {}
  for k, v in pairs(t) do out[#out + 1] = k .. "=" .. v end
  return table.concat(out, ",")
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
