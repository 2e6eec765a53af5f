-- '%p' of strings: equal short strings share an address (interned), distinct
-- long strings (over 40 bytes) have their own even when equal
local function p(x) return string.format("%p", x) end
local function run()
  local s1, s2 = string.rep("a", 300), string.rep("a", 300)
  local k1, k2 = string.rep("a", 10), string.rep("aa", 5)
  local m1, m2 = string.rep("b", 40), string.rep("bb", 20)
  local l1, l2 = string.rep("b", 41), string.rep("b", 40) .. "b"
  return p(s1) == p(s2), p(s1) == p(s1), p(k1) == p(k2), p(m1) == p(m2), p(l1) == p(l2), p(l1) == p(l1)
end
for _ = 1, 1200 do run() end
print(run())
