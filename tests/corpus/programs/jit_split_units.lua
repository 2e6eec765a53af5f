-- Large functions run hot enough for the second tier to compile them (more than 1000 calls),
-- each large enough (over 1200 bytes of bytecode) that the unit is split into methods
-- (Jit.choosePieces): break, return, tail calls, errors with their lines, hooks, locals and
-- upvalues seen by debug, yields and deep recursion from inside the split-off parts.

local function big(n, t)
  local a, b, c, d = 0, 1, 2, 3
  local s = ""
  if n % 3 == 0 then
    for i = 1, 5 do
      a = a + i * b - c
      b = b + (a % 7)
      c = c + (b // 3)
      if a > 50 then break end
      d = d + a + b + c
    end
    s = s .. "x" .. tostring(a) .. ":" .. tostring(b)
  elseif n % 3 == 1 then
    local k = 0
    while true do
      k = k + 1
      a = a + k * 2 + t.x
      b = b - k + t.y
      c = c + a - b
      if k >= 4 then break end
      d = d * 2 % 1000 + c
    end
    s = s .. "y" .. tostring(c) .. ":" .. tostring(d)
  else
    repeat
      a = a + 3 + t.x * 2
      b = b + a * 2 - t.y
      c = c + b % 11 + a % 5
      d = d + (a + b + c) % 13
    until a > 20
    if d > 100 then return "early", d end
    s = s .. "z" .. tostring(a + b + c + d)
  end
  local u = {a, b, c, d, s, #s}
  u[7] = (u[1] + u[2]) * (u[3] - u[4]) + #u[5]
  u[8] = string.format("%d/%d/%d", u[1], u[2], u[7])
  u[9] = t.x + t.y + (t.z or 0) + u[6]
  u[10] = (a > b) and "gt" or ((a < b) and "lt" or "eq")
  u[11] = math.max(a, b, c, d) - math.min(a, b, c, d)
  u[12] = (a * 3 + b * 5 + c * 7 + d * 11) % 97
  return u[8] .. "|" .. u[9] .. "|" .. u[10] .. "|" .. u[11] .. "|" .. u[12], s
end

local acc = {}
for i = 1, 3000 do
  local r, s = big(i, {x = i % 5, y = i % 7, z = (i % 2 == 0) and 1 or nil})
  if i % 500 == 0 or i < 4 then acc[#acc + 1] = tostring(r) .. " " .. tostring(s) end
end
print(table.concat(acc, "\n"))

-- tail calls and errors from a large function's parts
local function leaf(x) return x * 2 end
local function tails(n)
  local a = n % 4
  if a == 0 then
    local p = n + 1; local q = p * 2; local r = q - 3; local s = r + p + q
    local v = (p + q + r + s) % 10
    if v > 100 then print("never") end
    return leaf(v + p)
  elseif a == 1 then
    local p = n - 1; local q = p * 3; local r = q + 7; local s = r - p + q
    local v = (p * q + r - s) % 11
    if v > 100 then print("never") end
    return leaf(v - p)
  elseif a == 2 then
    local p = n * 2; local q = p // 3; local r = q % 5; local s = r + q + p
    if n == 2998 then error("boom at " .. n) end
    local t = {p, q, r, s}
    return #t + p + q + r + s
  else
    local p = n + 3; local q = p * p % 17; local r = q + p; local s = (r * q) % 19
    local t = {x = p, y = q, z = r, w = s}
    local m = t.x + t.y + t.z + t.w
    if n == 2999 then local z = nil; return z.field end
    return m
  end
end
local sum = 0
for i = 1, 2997 do sum = sum + tails(i) end
print("tails", sum)
print(pcall(tails, 2998))
print(pcall(tails, 2999))

-- debug: locals and a line hook inside a large compiled function
local function probe(n)
  local alpha, beta = n, n * 2
  if n > 0 then
    local gamma = alpha + beta
    local delta = gamma * 2
    local eps = delta - alpha
    local t = {alpha, beta, gamma, delta, eps}
    local u = {t[1] + t[2], t[3] + t[4], t[5]}
    local w = u[1] * u[2] - u[3]
    if n == 2500 then
      local names = {}
      for i = 1, 20 do
        local name, value = debug.getlocal(1, i)
        if not name then break end
        if type(value) ~= "table" then names[#names + 1] = name .. "=" .. tostring(value) end
      end
      print(table.concat(names, " "))
      print(debug.getinfo(1, "l").currentline)
    end
    return w + #t + #u
  end
  return 0
end
local total = 0
for i = 1, 3000 do total = total + probe(i) end
print("probe", total)
local lines = 0
debug.sethook(function() lines = lines + 1 end, "l")
probe(7)
debug.sethook()
print("lines", lines)

-- yields from inside the parts of a large function
local co = coroutine.wrap(function()
  for i = 1, 2000 do
    local r = big(i, {x = 1, y = 2})
    if i % 3 == 0 then
      local a = i * 2; local b = a + 1; local c = b * 3; local d = c - a
      if i % 999 == 0 then coroutine.yield(r .. " " .. (a + b + c + d)) end
    end
  end
  return "done"
end)
print(co()); print(co()); print(co())

-- deep recursion through a large function, then a stack overflow
local function deep(n)
  if n == 0 then return 0 end
  local a = n % 3; local b = n % 5; local c = n % 7
  if a == 0 then
    local x = a + b + c; local y = x * 2; local z = y - a
    return deep(n - 1) + (x + y + z) % 3
  else
    local x = a * b + c; local y = x + 1; local z = y * y % 5
    return deep(n - 1) + (x + y + z) % 2
  end
end
print("deep", deep(20000))
local ok, msg = pcall(deep, 1e7)
print(ok, (string.gsub(tostring(msg), "^.-:%d+: ", "")))
