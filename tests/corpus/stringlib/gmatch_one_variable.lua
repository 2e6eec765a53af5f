-- A generic for with one variable over string.gmatch: the first capture of each match,
-- errors found while matching (with the iterator's frame, as the reference raises them),
-- one-character captures, position captures, and the same loop with a hook set.
local function run(s, p)
  local out = {}
  local ok, err = pcall(function()
    for c in s:gmatch(p) do out[#out + 1] = tostring(c) end
  end)
  print(p, ok, table.concat(out, ","), err)
end
run("abc", "%")
run("abc", "[a")
run("abc", "(a")
run("abc", "%1")
run("abc", "(b)(")
run("abcabc", "(b)(c)")
run("aaa", "()a")
run("abc", "b*")
run("hello world", ".")
run("hello world", "%a+")
run("k1=v1, k2=v2", "(%w+)=")
run("", ".")
run("x", "")
local it = ("ab"):gmatch(".")
print(it(), it(), it(), it())
local lines = 0
debug.sethook(function() lines = lines + 1 end, "l")
run("abc", ".")
run("abc", "(b)(")
debug.sethook()
print(lines > 0)
local co = coroutine.wrap(function()
  for c in ("xyz"):gmatch(".") do coroutine.yield(c) end
  return "done"
end)
print(co(), co(), co(), co())
print(select(2, pcall(function() for c in ("abc"):gmatch("(") do end end)))
