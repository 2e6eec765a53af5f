-- plain and pattern find over long subjects, matches straddling the library's chunk boundaries
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
local function randstr(n, alpha)
  local t = {}
  for i = 1, n do local k = rnd(#alpha) + 1 t[i] = alpha:sub(k, k) end
  return table.concat(t)
end
local out = {}
for round = 1, 60 do
  local alpha = ({'ab', 'abc', 'aab', 'abcdefgh'})[round % 4 + 1]
  local n = ({1000, 16384, 16385, 40000, 70001, 131072})[round % 6 + 1]
  local s = randstr(n, alpha)
  for q = 1, 25 do
    local len = ({1, 2, 3, 5, 8, 17, 64, 300, 5000})[rnd(9) + 1]
    local p
    if rnd(2) == 0 then local st = rnd(n) + 1 p = s:sub(st, st + len - 1) else p = randstr(len, alpha) end
    local init = ({1, 2, 16384, 16385, 16383, -5, -20000, n, n + 1, n + 2, 0})[rnd(11) + 1]
    local a, b = s:find(p, init, true)
    out[#out + 1] = tostring(a) .. ',' .. tostring(b)
    if #p < 40 then
      local c, d = s:find(p, init)
      out[#out + 1] = tostring(c) .. ',' .. tostring(d)
    end
    local cnt = 0
    if #p > 2 and #p < 20 then for _ in s:gmatch(p) do cnt = cnt + 1 end out[#out + 1] = cnt end
    local r, k = s:gsub(p, '#', 3)
    out[#out + 1] = #r .. '/' .. k
  end
end
print(#out)
local h = 0
for i, v in ipairs(out) do for j = 1, #tostring(v) do h = (h * 31 + tostring(v):byte(j)) % 2147483647 end end
print(h)
for i = 1, #out, 97 do io.write(out[i], ' ') end print()
