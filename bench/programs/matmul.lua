-- matmul.lua: dense matrix multiplication and transposition with 2-D float tables.
-- Stresses: t[i][k] reads in a triple loop, row tables hoisted into locals, float
-- multiply-add, matrix construction with nested constructors, integer/float mixing.
-- Size parameter (arg[1]): the matrix dimension n.
local n = tonumber(arg and arg[1]) or 220

local function matgen(n, seed)
  local tmp = 1.0 / n / n
  local a = {}
  for i = 1, n do
    local row = {}
    for j = 1, n do row[j] = tmp * (i - j) * (i + j - 2) + seed end
    a[i] = row
  end
  return a
end

local function transpose(a, n)
  local t = {}
  for i = 1, n do
    local row = {}
    for j = 1, n do row[j] = a[j][i] end
    t[i] = row
  end
  return t
end

local function mul(a, b, n)
  local bt = transpose(b, n)
  local c = {}
  for i = 1, n do
    local ai = a[i]
    local ci = {}
    for j = 1, n do
      local bj = bt[j]
      local s = 0.0
      for k = 1, n do s = s + ai[k] * bj[k] end
      ci[j] = s
    end
    c[i] = ci
  end
  return c
end

local a = matgen(n, 1.0)
local b = matgen(n, 2.0)
local c
for _ = 1, 5 do
  c = mul(a, b, n)
  a = mul(c, matgen(n, 0.5), n)
  local scale = 1.0 / a[1][1]
  for i = 1, n do
    local row = a[i]
    for j = 1, n do row[j] = row[j] * scale end
  end
end
local trace = 0
for i = 1, n do trace = trace + a[i][i] end
print(string.format("matmul(%d): trace %d, corner %d", n, math.floor(trace * 1e6 + 0.5), math.floor(a[n][n] * 1e6 + 0.5)))
