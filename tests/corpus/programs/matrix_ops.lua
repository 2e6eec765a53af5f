local function mat(rows) return rows end
local function mul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return r
end
local function transpose(a)
  local r = {}
  for i = 1, #a[1] do r[i] = {} for j = 1, #a do r[i][j] = a[j][i] end end
  return r
end
local function det(m)
  local n = #m
  if n == 1 then return m[1][1] end
  if n == 2 then return m[1][1] * m[2][2] - m[1][2] * m[2][1] end
  local d = 0
  for c = 1, n do
    local sub = {}
    for i = 2, n do
      local row = {}
      for j = 1, n do if j ~= c then row[#row + 1] = m[i][j] end end
      sub[#sub + 1] = row
    end
    d = d + ((c % 2 == 1) and 1 or -1) * m[1][c] * det(sub)
  end
  return d
end
local function show(m) for _, row in ipairs(m) do print(table.concat(row, " ")) end end
local A = mat{{1, 2, 3}, {4, 5, 6}}
local B = mat{{7, 8}, {9, 10}, {11, 12}}
show(mul(A, B))
show(transpose(A))
print(det({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}), det({{1, 2}, {3, 4}}), det({{6}}))
local I = {{1, 0}, {0, 1}}
local M = {{2, 1}, {1, 1}}
local P = I
for i = 1, 10 do P = mul(P, M) end
show(P)
show(mul({{0.5, 1.5}}, {{2}, {4}}))
