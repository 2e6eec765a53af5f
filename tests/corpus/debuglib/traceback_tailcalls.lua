-- tail calls appear as "(...tail calls...)"
local function last()
  return debug.traceback("in tail-called function")
end
local function middle()
  return last()
end
local function first()
  local r = middle()
  return r
end
print(first())
local function count(n)
  if n == 0 then return debug.traceback("after tail calls") end
  return count(n - 1)
end
print(count(3))
