-- conform_suite (part D): limits: big strings, big tables, many locals and upvalues, self-checking.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function E(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return msg
end
local function is(got, want) assert(got == want, "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]") end
local function cerr(src) local f, e = load(src, "=big"); assert(not f, "expected a compile error"); return e end

T("string.rep limits", function()
  is(string.rep("x", 0), ""); is(string.rep("x", -5), ""); is(string.rep("", 1e9), ""); is(string.rep("ab", 3, ","), "ab,ab,ab")
  is(string.rep("", 1e9, ""), "")
  local m = E(string.rep, "x", math.maxinteger); is(m, "resulting string too large")
  m = E(string.rep, "xx", math.maxinteger // 2 + 1); is(m, "resulting string too large")
  m = E(string.rep, "x", 2^62, "y"); is(m, "resulting string too large")
  m = E(string.rep, "", math.maxinteger, "y"); is(m, "resulting string too large")
  is(#string.rep("a", 1000000), 1000000)
  is(#string.rep("ab", 100000, "c"), 299999)
end)

T("long strings", function()
  local s = string.rep("0123456789", 100000)
  is(#s, 1000000)
  is(s:sub(-3), "789"); is(s:byte(1000000), 57)
  is(select(2, s:gsub("5", "")), 100000)
  is(s:find("9012", 999990, true), 999990)
  local u = s:upper()
  is(#u, #s)
  local parts = {}
  for i = 1, 10000 do parts[i] = tostring(i) end
  local c = table.concat(parts)
  is(#c, 38894)
  local acc = ""
  for i = 1, 2000 do acc = acc .. "x" end
  is(#acc, 2000)
  local long = "[[" .. string.rep("a", 100000) .. "]]"
  is(#load("return " .. long)(), 100000)
  local q = '"' .. string.rep("\\n", 50000) .. '"'
  is(#load("return " .. q)(), 50000)
  is(#string.format("%s%s", s, s), 2000000)
  is(string.format("%99d", 1):len(), 99)
  m = E(string.format, "%100d", 1); is(m, "invalid conversion specification: '%100d'")
end)

T("deep .. chains", function()
  local src = "local a = 'a' return a" .. string.rep(" .. a", 150)
  is(#load(src)(), 151)
  local parts = {}
  for i = 1, 190 do parts[i] = "'" .. i % 10 .. "'" end
  src = "return " .. table.concat(parts, "..")
  is(#load(src)(), 190)
  local t = setmetatable({}, {__concat = function(a, b) return "C" end})
  src = "local t = ... return 'a' .. 'b' .. t .. 'c' .. 'd'"
  is(load(src)(t), "abC")
  src = "local x = ... return x .. 1 .. 2.5 .. 'z'"
  is(load(src)("s"), "s12.5z")
  local m = E(function() local n = nil; return "a" .. "b" .. n .. "c" end)
  assert(m:find("attempt to concatenate a nil value %(local 'n'%)"), m)
end)

T("big tables", function()
  local t = {}
  for i = 1, 300000 do t[i] = i * 2 end
  is(#t, 300000); is(t[300000], 600000)
  local s = {}
  for i = 1, 100000 do s[tostring(i)] = i end
  is(s["99999"], 99999)
  local src = {"return {"}
  for i = 1, 20000 do src[#src + 1] = i .. "," end
  src[#src + 1] = "}"
  is(#load(table.concat(src))(), 20000)
  src = {"return {"}
  for i = 1, 5000 do src[#src + 1] = "k" .. i .. "=" .. i .. "," end
  src[#src + 1] = "}"
  is(load(table.concat(src))().k5000, 5000)
  local nested = {}
  local cur = nested
  for i = 1, 10000 do cur.next = {}; cur = cur.next end
  local n = 0
  cur = nested
  while cur.next do n = n + 1; cur = cur.next end
  is(n, 10000)
end)

T("many locals", function()
  local src = "local " .. string.rep("a, ", 198) .. "a = 1 return a"
  assert(load(src))
  is(cerr("local " .. string.rep("a, ", 200) .. "a"), "big:1: too many local variables (limit is 200) in main function near <eof>")
  is(cerr("\n\nlocal function f()\n" .. string.rep("local a\n", 201) .. "end"), "big:205: too many local variables (limit is 200) in function at line 3 near 'end'")
  local many = {}
  for i = 1, 200 do many[i] = "local v" .. i .. " = " .. i end
  assert(load(table.concat(many, "\n")))
  many[201] = "local v201 = 201"
  is(cerr(table.concat(many, "\n")), "big:201: too many local variables (limit is 200) in main function near '='")
  -- for loops use hidden locals
  local f = {}
  for i = 1, 197 do f[i] = "local v" .. i end
  f[#f + 1] = "for i = 1, 2 do end"
  print(select(2, load(table.concat(f, "\n"), "=big")))
  f[#f] = "for k, v in pairs({}) do end"
  print(select(2, load(table.concat(f, "\n"), "=big")))
  -- locals in separate blocks do not add up
  local blocks = {}
  for i = 1, 10 do blocks[i] = "do " .. string.rep("local x; ", 150) .. "end" end
  assert(load(table.concat(blocks, "\n")))
end)

T("many upvalues", function()
  local decl, uses = {}, {}
  for i = 1, 255 do decl[i] = "local u" .. i .. " = " .. i; uses[i] = "u" .. i end
  -- 255 upvalues fit (with _ENV not needed)
  local function mk(n)
    local d = {}
    for i = 1, n do d[#d + 1] = "local u" .. i .. " = " .. i end
    local parts = {}
    -- spread declarations over nested blocks to stay under 200 locals per function
    local src = {}
    local per = 150
    local i = 1
    local opened = 0
    while i <= n do
      src[#src + 1] = "local function level" .. i .. "()"
      opened = opened + 1
      for j = i, math.min(n, i + per - 1) do src[#src + 1] = "local u" .. j .. " = " .. j end
      i = i + per
    end
    local body = {}
    for j = 1, n do body[j] = "u" .. j end
    src[#src + 1] = "return function() return " .. table.concat(body, "+") .. " end"
    for k = 1, opened do src[#src + 1] = "end" end
    return table.concat(src, "\n")
  end
  assert(load(mk(100)))
  print(select(2, load(mk(256), "=big")))
  print(select(2, load(mk(255), "=big")))
  print(select(2, load(mk(254), "=big")))
end)

T("many constants and registers", function()
  local parts = {}
  for i = 1, 3000 do parts[i] = "x" .. i .. "=" .. i .. ".5" end
  local f = load("local t = {} " .. table.concat(parts, " t."):gsub("^", "t.") .. " return t")
  assert(f)
  local t = f()
  is(t.x3000, 3000.5)
  local str = {}
  for i = 1, 300 do str[i] = "'s" .. i .. "'" end
  is(#load("return {" .. table.concat(str, ",") .. "}")(), 300)
  print(select(2, load("local a = {" .. string.rep("{", 100) .. string.rep("}", 100) .. "}", "=big")))
  local calls = "local function f(...) return select('#', ...) end return f(" .. string.rep("1,", 250) .. "1)"
  print(select(2, load(calls, "=big")))
end)

T("big numeric for and while", function()
  local n = 0
  for i = 1, 300000 do n = n + 1 end
  is(n, 300000)
  local s = 0
  local i = 0
  while i < 100000 do i = i + 1; s = s + i end
  is(s, 5000050000)
end)

if failed > 0 then error(failed .. " failed") end
print("done")
