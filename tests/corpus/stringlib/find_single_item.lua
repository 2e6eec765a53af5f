-- string.find/match with patterns of one single-character item (a set, a class, '.',
-- a lone magic character), which are found by a scan of the item's byte set: every
-- start position, negative and out-of-range inits, captures and anchors beside them,
-- malformed patterns (raised on every call, also once the pattern is cached).
local t = {}
local function r(...)
  local n = select("#", ...)
  local a = {tostring(n)}
  for i = 1, n do a[#a + 1] = tostring((select(i, ...))) end
  t[#t + 1] = table.concat(a, ",")
end
local subj = {"", "abc", "  x y", "a\"b\\c", "\1\2", "caf\195\169", string.rep("a", 40000) .. "\"", "xyz-*?"}
local pats = {"%S", "[\"\\]", "[%z\1-\31\"\\\127]", "[\194\216\220]", ".", "%d", "-", "*", "?",
  "[^a]", "%a", "[a-c]", "(a)", "()", "$", "^a", "[]]", "[^]]", "%%"}
for _, s in ipairs(subj) do
  for _, p in ipairs(pats) do
    for _, i in ipairs({1, 2, -1, 100, -100, 40001}) do
      r(string.find(s, p, i)); r(string.match(s, p, i))
      r(string.find(s, p, i)); r(string.match(s, p, i))
    end
  end
end
for _, p in ipairs({"[a", "%", "[%", "[^"}) do
  r(pcall(string.find, "abc", p)); r(pcall(string.find, "abc", p)); r(pcall(string.match, "abc", p))
end
print(#t)
local h = 0
for _, v in ipairs(t) do for j = 1, #v do h = (h * 31 + v:byte(j)) % 1000000007 end end
print(h)
for i = 1, #t, 97 do print(i, t[i]) end
print(t[#t], t[#t - 1], t[#t - 3])
