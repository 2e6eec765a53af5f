-- Which line an error names when the expression spans lines (found by the random program
-- generator through multi-line long strings). lua5.4 gives a store (t.x = ...) and a comparison
-- the line where the expressions after them end (the line of the last token read when the
-- instruction is emitted); luahost names the statement's or the operator's line.
local t = 5
print(pcall(function()
  t.x = math.max(1,
    2)
end))
print(pcall(function()
  local a = 1 < [[
x]]
end))
print(pcall(function()
  local a = 1 <
    "x"
end))
print(pcall(function()
  t.y, t.z = 1,
    2
end))
print(pcall(function()
  local u = {}
  u.a.b = 1 +
    2
end))
