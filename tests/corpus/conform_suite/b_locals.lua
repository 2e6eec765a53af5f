-- conform_suite (part B): locals, <const>/<close>, goto, constructs, self-checking.
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
local function L(d) return "b_locals.lua:" .. debug.getinfo(2, "l").currentline + (d or 0) .. ": " end
local function compile_error(src) local f, e = load(src, "=src"); assert(f == nil, "expected a compile error"); return e end
local function closer(log, name)
  return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. (e ~= nil and ("(" .. tostring(e) .. ")") or "") end})
end

T("<const>", function()
  local x <const> = 10
  local y <const>, z = 20, 30
  z = z + 1
  assert(x + y + z == 61)
  is(compile_error("local x <const> = 1; x = 2"), "src:1: attempt to assign to const variable 'x'")
  is(compile_error("local x <const> = 1; local function f() x = 2 end"), "src:1: attempt to assign to const variable 'x'")
  is(compile_error("local x <foo> = 1"), "src:1: unknown attribute 'foo'")
  is(compile_error("local a <close>, b <close> = 1, 2"), "src:1: multiple to-be-closed variables in local list")
  -- const folding keeps semantics
  local big <const> = math.maxinteger
  assert(big + 1 == math.mininteger)
  local s <const> = "abc"
  assert(#s == 3 and s .. s == "abcabc")
  local f <const> = 1.5
  assert(f * 2 == 3.0 and math.type(f * 2) == "float")
end)

T("<close> order and values", function()
  local log = {}
  do
    local a <close> = closer(log, "a")
    local n <close> = nil
    local f <close> = false
    local b <close> = closer(log, "b")
  end
  is(table.concat(log, " "), "b a")
  -- close on break, return, goto
  log = {}
  for i = 1, 3 do
    local c <close> = closer(log, "c" .. i)
    if i == 2 then break end
  end
  is(table.concat(log, " "), "c1 c2")
  log = {}
  local function ret()
    local r <close> = closer(log, "r")
    return "value"
  end
  is(ret(), "value"); is(log[1], "r")
  log = {}
  do
    local i = 0
    ::top::
    do
      local g <close> = closer(log, "g" .. i)
      i = i + 1
      if i < 3 then goto top end
    end
  end
  is(table.concat(log, " "), "g0 g1 g2")
  -- the closing value is closed after the return values are computed
  log = {}
  local function ret2()
    local r <close> = closer(log, "r2")
    return #log
  end
  is(ret2(), 0)
  -- close in a generic for: the 4th value
  log = {}
  for k in function(s, c) if not c then return 1 end end, nil, nil, closer(log, "for") do end
  is(log[1], "for")
  log = {}
  for k in function(s, c) if not c then return 1 end end, nil, nil, closer(log, "forbrk") do break end
  is(log[1], "forbrk")
end)

T("<close> errors", function()
  local log = {}
  -- error in the block: each closer sees the error
  local msg = E(function()
    local a <close> = closer(log, "a")
    local b <close> = closer(log, "b")
    error("E", 0)
  end)
  is(msg, "E"); is(table.concat(log, " "), "b(E) a(E)")
  -- error in a closer replaces the error; later closers see the new one
  log = {}
  msg = E(function()
    local a <close> = closer(log, "a")
    local b <close> = setmetatable({}, {__close = function() error("inclose", 0) end})
    local c <close> = closer(log, "c")
  end)
  is(msg, "inclose"); is(table.concat(log, " "), "c a(inclose)")
  -- non-closable value
  is(E(function() local x <close> = {} end), L() .. "variable 'x' got a non-closable value")
  -- __close removed after the declaration: error at close time
  local mt = {__close = function() end}
  msg = E(function() local x <close> = setmetatable({}, mt); mt.__close = nil end)
  assert(string.find(msg, "attempt to call a nil value"), msg)
  -- closer gets the value and the error; its results are ignored
  local got
  do local v <close> = setmetatable({}, {__close = function(...) got = table.pack(...); return 1, 2 end}) end
  assert(got.n == 2 and got[2] == nil)
end)

T("goto", function()
  -- continue-style
  local out = {}
  for i = 1, 5 do
    if i % 2 == 0 then goto continue end
    out[#out + 1] = i
    ::continue::
  end
  is(table.concat(out, ","), "1,3,5")
  -- backward goto loop with fresh locals and closures
  local fs = {}
  do
    local i = 1
    ::again::
    local j = i
    fs[#fs + 1] = function() return j end
    i = i + 1
    if i <= 3 then goto again end
  end
  assert(fs[1]() == 1 and fs[3]() == 3)
  is(compile_error("goto nowhere"), "src:1: no visible label 'nowhere' for <goto> at line 1")
  is(compile_error("do goto l end; local x = 1; ::l:: print(x)"), "src:1: <goto l> at line 1 jumps into the scope of local 'x'")
  is(compile_error("::a:: ::a::"), "src:1: label 'a' already defined on line 1")
  is(compile_error("::a:: do ::a:: end"), "src:1: label 'a' already defined on line 1")
  is(compile_error("break"), "src:1: break outside loop at line 1")
  assert(load("do local x; goto f end ::f:: local y"))
  assert(load("for i = 1, 2 do goto x end ::x::"))
  is(compile_error("repeat goto cont; local x ::cont:: until x"), "src:1: <goto cont> at line 1 jumps into the scope of local 'x'")
  -- a label at the end of a block: locals are out of scope, allowed
  assert(load("do goto e; local x = 1; ::e:: end"))
  -- goto into a nested block is not allowed (label not visible)
  is(compile_error("goto inner; do ::inner:: end"), "src:1: no visible label 'inner' for <goto> at line 1")
  -- goto out of nested functions is not allowed
  is(compile_error("::out:: local f = function() goto out end"), "src:1: no visible label 'out' for <goto> at line 1")
end)

T("operator precedence", function()
  assert(2 + 3 * 4 == 14 and (2 + 3) * 4 == 20)
  assert(2 ^ 3 ^ 2 == 512 and -2 ^ 2 == -4 and (-2) ^ 2 == 4)
  assert(not nil == true and not 1 == false)
  assert(1 .. 2 .. 3 == "123")
  assert("a" .. "b" == "ab" and 1 + 2 .. "" == "3")
  assert(1 < 2 == true and (1 < 2) == true)
  assert(5 - 3 - 1 == 1 and 2 / 2 / 2 == 0.5)
  assert(1 << 2 + 1 == 8 and 1 | 2 & 3 == 3 and 5 ~ 3 & 1 == 4)
  assert(1 | 2 ~ 3 == 1 and (1 | 2) ~ 3 == 0)
  assert(#"abc" + 1 == 4 and -#"ab" == -2)
  assert(~0 == -1 and ~~5 == 5 and - -3 == 3)
  assert((1 and 2 or 3) == 2 and (nil and 2 or 3) == 3 and (false or nil) == nil)
  assert(1 == 1.0 and "1" ~= 1)
  assert(2 .. 3 ^ 2 == "29.0")
  assert(-3 // 2 == -2 and -3 % 2 == 1 and 3 % -2 == -1 and -3.5 % 2 == 0.5)
  assert(1 < 2 and 2 <= 2 and "a" < "b" and "" < "a" and "Z" < "a")
  assert(not (0 < -0.0) and 0 == -0.0)
  assert(3 - -3 == 6 and 2 * -3 ^ 2 == -18)
  assert("10" + 0 == 10 and "0x10" * 1 == 16 and "1e1" // 1 == 10.0)
end)

T("long strings and comments", function()
  local s = [[
first line
second]]
  is(s, "first line\nsecond")
  is([==[a]]b]=]c]==], "a]]b]=]c")
  is([[]], "")
  is([=[
]=], "")
  --[==[ a long
  comment ]] still comment ]==] local after = 1
  assert(after == 1)
  --[[ ]] assert(true)
  is(compile_error("x = [==[ unclosed ]=]"), "src:1: unfinished long string (starting at line 1) near <eof>")
  is(compile_error("--[[ unclosed"), "src:1: unfinished long comment (starting at line 1) near <eof>")
  is(compile_error("x = [=x"), "src:1: invalid long string delimiter near '[='")
  -- \r\n and \n\r count as one newline in long strings
  local f = load("return [[\r\na\r\nb]]")
  is(f(), "a\nb")
  f = load("return [[\n\ra\n\rb]]")
  is(f(), "a\nb")
end)

T("numeric for edge cases", function()
  local n = 0
  for i = math.maxinteger - 1, math.maxinteger do n = n + 1 end
  is(n, 2)
  n = 0
  for i = math.mininteger, math.mininteger + 1 do n = n + 1 end
  is(n, 2)
  n = 0
  for i = math.maxinteger, math.maxinteger - 5, -2 do n = n + 1 end
  is(n, 3)
  -- float steps accumulate in floats
  local vals = {}
  for x = 0, 1, 0.5 do vals[#vals + 1] = x end
  is(table.concat(vals, ","), "0.0,0.5,1.0")
  -- integer loop with float limit beyond the integer range
  n = 0
  for i = math.maxinteger - 1, 1e100 do n = n + 1 end
  is(n, 2)
  n = 0
  for i = math.mininteger + 1, -1e100, -1 do n = n + 1 end
  is(n, 2)
  -- NaN limits: no iteration
  n = 0
  for i = 1, 0/0 do n = n + 1 end
  is(n, 0)
  for i = 1.0, 0/0 do n = n + 1 end   -- lua5.4.4: a float loop with a NaN limit runs once
  is(n, 1)
  n = 0
  -- limit below start with positive step
  for i = 1, 0.5 do n = n + 1 end
  is(n, 0)
  -- the loop variable is a copy
  n = 0
  for i = 1, 3 do i = i * 10; n = n + i end
  is(n, 60)
  is(E(function() for i = 1, 10, 0 do end end), L() .. "'for' step is zero")
  is(E(function() for i = 1.0, 10.0, 0.0 do end end), L() .. "'for' step is zero")
  -- large step that would overflow
  n = 0
  for i = 1, math.maxinteger, math.maxinteger // 2 do n = n + 1 end
  is(n, 3)
  n = 0
  for i = -1, math.mininteger, math.mininteger do n = n + 1 end
  is(n, 1)
end)

T("multiple assignment and evaluation order", function()
  local a, b, c = 1
  assert(a == 1 and b == nil and c == nil)
  local x, y = 1, 2, 3
  assert(x == 1 and y == 2)
  x, y = y, x
  assert(x == 2 and y == 1)
  local t = {}
  local i = 1
  i, t[i] = i + 1, 20
  assert(i == 2 and t[1] == 20)
  local function mr() return 1, 2, 3 end
  local p, q, r, s = mr()
  assert(p == 1 and r == 3 and s == nil)
  p, q, r, s = mr(), 10
  assert(p == 1 and q == 10 and r == nil)
  t = {mr(), mr()}
  assert(#t == 4)
  t = {mr(), (mr())}
  assert(#t == 2)
  t = {a = 1, [1] = "one", "first"}
  assert(t[1] == "first")
  t = {n = 1, n = 2}
  assert(t.n == 2)
  t.a, t.b = 1, 2, 3, mr()
  assert(t.a == 1 and t.b == 2)
end)

T("scoping", function()
  local x = 1
  do local x = 2; assert(x == 2) end
  assert(x == 1)
  local x = x + 1
  assert(x == 2)
  local function shadow(x) local x = x * 2; return x end
  assert(shadow(3) == 6)
  -- many locals
  local src = {"local a0 = 0"}
  for i = 1, 199 do src[#src + 1] = "local a" .. i .. " = a" .. (i - 1) .. " + 1" end
  src[#src + 1] = "return a199"
  assert(load(table.concat(src, "\n"))() == 199)
  src = {}
  for i = 1, 201 do src[#src + 1] = "local a" .. i end
  local f, e = load(table.concat(src, "\n"), "=many")
  assert(f == nil and string.find(e, "too many local variables"), e)
end)

T("integer division and modulo semantics", function()
  assert(7 // 2 == 3 and -7 // 2 == -4 and 7 // -2 == -4 and -7 // -2 == 3)
  assert(7 % 3 == 1 and -7 % 3 == 2 and 7 % -3 == -2 and -7 % -3 == -1)
  assert(7.5 // 2 == 3.0 and -7.5 // 2 == -4.0)
  assert(5.3 % -2 < 0 and -5.3 % 2 > 0)
  assert(math.huge % 2 ~= math.huge % 2)   -- nan
  assert(5 % math.huge == 5 and -5 % math.huge == math.huge and 5 % -math.huge == -math.huge)
  assert(0.0 / 0.0 ~= 0.0 / 0.0)
  assert(1 / 0 == math.huge and -1 / 0 == -math.huge)
  assert(3 / 2 == 1.5 and math.type(4 / 2) == "float")
  assert(2 ^ 2 == 4.0 and math.type(2 ^ 2) == "float")
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
