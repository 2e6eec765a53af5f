-- conform_suite (part D): operators, precedence, coercions, constant folding, scoping, self-checking.
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
local function ist(got, want) is(math.type(got), math.type(want)); is(got, want) end
local function run(src, ...) return assert(load(src, "=src"))(...) end

T("precedence of every operator", function()
  is(2 + 3 * 4, 14); is((2 + 3) * 4, 20)
  is(2 ^ 3 ^ 2, 512.0); is((2 ^ 3) ^ 2, 64.0)
  is(-2 ^ 2, -4.0); is((-2) ^ 2, 4.0); is(2 ^ -1, 0.5)
  is(-3 ^ 0.5 ~= -3 ^ 0.5, false)
  is(not nil == true, true)        -- (not nil) == true
  is(not 1 == nil, false)          -- (not 1) == nil
  is(1 .. 2 .. 3, "123")
  is("a" .. "b" == "ab", true)     -- .. binds tighter than ==
  is(1 + 2 .. "", "3")             -- + tighter than ..
  is(2 * 3 .. 4 * 5, "620")
  is(1 < 2 == true, true)
  is(#"abc" + 1, 4); is(-#"abc", -3)
  is(- - 2, 2); is(not not nil, false)
  is(~0, -1); is(~~5, 5); is(- ~5, 6)
  is(1 | 2 ~ 3 & 4, 1 | (2 ~ (3 & 4)))
  is(1 << 2 + 1, 8)                -- + tighter than <<
  is(1 << 2 | 1, 5)
  is(5 & 3 == 1, true)             -- & binds tighter than ==
  is(1 | 6 < 7, false)
  is(2 ^ 2 * 3, 12.0)
  is(-2 ^ -2, -0.25)
  is(2 ^ - 2, 0.25)
  is(10 - 2 - 3, 5); is(100 // 10 // 3, 3); is(2 ^ 1 ^ 3, 2.0)
  is(7 % 4 % 2, 1); is(16 / 4 / 2, 2.0)
  is(1 .. 2 == "12" and 3 or 4, 3)
  is(false or nil and 1, nil)
  is(nil and nil or false, false)
end)

T("and/or values", function()
  is(1 and 2, 2); is(nil and 2, nil); is(false and error("x"), false)
  is(1 or error("x"), 1); is(nil or false, false); is(false or nil, nil)
  is(0 and "zero", "zero"); is("" or 1, "")
  local n = 0
  local function f() n = n + 1; return n end
  local x = f() > 5 and f() or f()
  is(x, 2); is(n, 2)
  local t = {} ; t.x = t.x or 10 ; is(t.x, 10)
  is(select('#', (nil and 1)), 1)
end)

T("comparisons", function()
  assert(1 == 1.0 and math.maxinteger ~= math.maxinteger + 0.0)
  assert(math.maxinteger < math.maxinteger + 0.0)   -- 2^63 is bigger
  assert(math.maxinteger + 0.0 == 2 ^ 63)
  assert(math.mininteger == -2 ^ 63 and math.mininteger + 0.0 == -2 ^ 63)
  assert(not (2 ^ 63 < math.maxinteger) and 2 ^ 63 > math.maxinteger)
  assert(math.mininteger <= -2 ^ 63 and not (math.mininteger < -2 ^ 63))
  assert(2 ^ 53 == 2 ^ 53 + 1 == false or true)
  assert(9007199254740993 ~= 2.0 ^ 53 and 9007199254740992 == 2.0 ^ 53)
  assert(9007199254740993 > 2.0 ^ 53)
  assert(-9007199254740993 < -(2.0 ^ 53))
  local nan = 0 / 0
  assert(not (nan < 1) and not (nan >= 1) and nan ~= nan and not (nan == nan))
  assert(not (1 < nan) and not (math.maxinteger < nan) and not (math.mininteger > nan))
  assert(1 < math.huge and math.maxinteger < math.huge and -math.huge < math.mininteger)
  assert("a" < "b" and "" < "a" and "a" < "aa" and "Z" < "a" and "a\0b" > "a\0a" and "a" < "a\0")
  is(E(function() return 1 < "2" end), "d_constructs.lua:" .. debug.getinfo(1, "l").currentline .. ": attempt to compare number with string")
  local m = E(function() return {} < {} end); assert(m:find("attempt to compare two table values"), m)
  m = E(function() return 1 <= nil end); assert(m:find("attempt to compare number with nil"), m)
  m = E(function() return "x" >= 1 end); assert(m:find("attempt to compare number with string"), m)
  assert("10" ~= 10 and not ("1" == 1))
  assert(0.0 == -0.0 and 1/0.0 ~= 1/-0.0)
end)

T("string to number coercion", function()
  ist("10" + 1, 11); ist("10" * "2", 20); ist("3.0" + 1, 4.0); ist("0x10" + 0, 16)
  ist(" 10 " + 0, 10); ist("1e2" + 0, 100.0); ist("10" // "3", 3); ist("7" % "2", 1)
  ist(- "2", -2); ist(-"2.5", -2.5); ist("2" ^ "3", 8.0); ist("10" / "4", 2.5)
  ist("9223372036854775807" + 0, math.maxinteger)
  ist("9223372036854775808" + 0, 2.0 ^ 63)   -- too big for an integer: float
  ist("0x7fffffffffffffff" + 1, math.mininteger)
  ist("0xffffffffffffffff" + 0, -1)           -- hex wraps
  local m = E(function() local s = "3"; return s | 0 end)
  assert(m:find("attempt to perform bitwise operation on a string value %(local 's'%)"), m)
  ist(10 .. "", "10"); ist(1.5 .. "", "1.5"); ist(-0.0 .. "", "-0.0"); ist(2^63 .. "", "9.2233720368548e+18")
  m = E(function() return "abc" + 1 end)
  is(m, "d_constructs.lua:" .. debug.getinfo(1, "l").currentline - 1 .. ": attempt to add a 'string' with a 'number'")
  m = E(function() local s = "x"; return s | 1 end)
  assert(m:find("attempt to perform bitwise operation on a string value %(local 's'%)"), m)
  m = E(function() return {} .. "" end)
  assert(m:find("attempt to concatenate a table value"), m)
  is(math.type("1" + 0), "integer"); is(math.type(" 0x1p4 " + 0), "float")
  assert(tonumber("  ") == nil and tonumber("1 2") == nil and tonumber("1e") == nil)
end)

T("integer/float edges", function()
  ist(-math.mininteger, math.mininteger)
  ist(math.mininteger // -1, math.mininteger); ist(math.mininteger % -1, 0)
  ist(math.maxinteger * 2, -2); ist(math.maxinteger + 1, math.mininteger)
  ist(math.mininteger - 1, math.maxinteger)
  ist(1.0 // 0, math.huge); ist(-1 // 0.0, -math.huge); ist(1 % math.huge, 1.0); ist(-1 % math.huge, math.huge)
  ist(5 % -3, -1); ist(-5 % 3, 1); ist(5.5 % -2, -0.5); ist(-7 // 2, -4); ist(-7.0 // 2, -4.0)
  ist(7 // -2, -4); ist(0.0 // 1, 0.0); ist(3 / 2, 1.5); ist(4 / 2, 2.0)
  ist(2 ^ 2, 4.0); ist(1e308 * 10, math.huge)
  local m = E(function() local z = 0; return 1 // z end); assert(m:find("attempt to divide by zero"), m)
  m = E(function() local z = 0; return 1 % z end); assert(m:find("attempt to perform 'n%%0'"), m)
  assert(load("return 1 // 0")) -- not folded into a compile error
  m = E(load("return 1 // 0", "=c")); is(m, "c:1: attempt to divide by zero")
  m = E(load("return 1 % 0", "=c")); is(m, "c:1: attempt to perform 'n%0'")
  local x = 0 / 0; assert(x ~= x)
  ist(1 / 0, math.huge); ist(-1 / 0, -math.huge)
  ist(math.tointeger(2 ^ 53), 9007199254740992)
  ist(3 // 0.0, math.huge); ist(0/0 == 0/0, false)
  ist(0x7fffffffffffffff, math.maxinteger); ist(0xffffffffffffffff, -1); ist(0x10000000000000000, 0)
  ist(9223372036854775807, math.maxinteger); ist(9223372036854775808, 2.0 ^ 63)
  ist(-9223372036854775808, -2.0 ^ 63)   -- the literal is a float before the minus
  ist(1e2, 100.0); ist(.5, 0.5); ist(5., 5.0); ist(0x.8p1, 1.0); ist(0xA.8, 10.5)
  ist(math.ult(1, -1), true); ist(math.abs(math.mininteger), math.mininteger)
end)

T("deep nesting", function()
  local src = "return " .. string.rep("(", 150) .. "1" .. string.rep(")", 150)
  is(run(src), 1)
  src = "return " .. string.rep("1 + ", 500) .. "1"
  is(run(src), 501)
  src = "return " .. string.rep("{", 100) .. string.rep("}", 100)
  assert(type(run(src)) == "table")
  src = "return " .. string.rep("- ", 100) .. "1"
  is(run(src), 1)
  src = "return " .. string.rep("not ", 101) .. "nil"
  is(run(src), true)
  local s = "local f = function() return 7 end "
  for i = 1, 20 do s = "local f = function() " .. s .. " return f() end " end
  is(run(s .. " return f()"), 7)
  src = "return 2" .. string.rep(" ^ 1", 150)
  is(run(src), 2.0)
  src = "return 'a'" .. string.rep(" .. 'a'", 150)
  is(#run(src), 151)
  local e = select(2, load("return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300), "=s"))
  is(e, "C stack overflow")   -- a run-time error of load, without a position
  -- the limit counts the C calls active when load runs (here: pcall in T, and the call of load)
  local function limit(loader)
    for n = 150, 220 do if not loader("return " .. string.rep("(", n) .. "1" .. string.rep(")", n)) then return n end end
  end
  local direct = limit(load)
  is(limit(function(s) return select(2, pcall(load, s)) end), direct - 1)
  is(limit(function(s) return coroutine.wrap(load)(s) end), direct - 1)
end)

T("block scoping", function()
  local x = 1
  do local x = 2; is(x, 2) end
  is(x, 1)
  local i = 0
  repeat local y = i; i = i + 1 until y >= 3   -- the condition sees the body's local
  is(i, 4)
  local fs = {}
  repeat local z = i; fs[#fs + 1] = function() return z end; i = i + 1 until z >= 6
  is(fs[1](), 4); is(fs[3](), 6)
  while true do local w = 5; if w then break end end
  if true then local x = 3 end
  is(x, 1)
  for x = 1, 2 do end
  is(x, 1)
  local a = 10
  local a = a + 1      -- the new local is not in scope in its own initializer
  is(a, 11)
  local function g() return g end   -- local function is in scope in its body
  is(g(), g)
  local h = function() return h end
  is(h(), nil)
  local n = 0
  for i = 1, 3 do local i = i * 2; n = n + i end
  is(n, 12)
end)

T("assignment evaluation", function()
  local a, b, c = 1
  assert(a == 1 and b == nil and c == nil)
  local t = {}
  local i = 1
  i, t[i] = i + 1, 20        -- t[i] uses i before assignment
  is(i, 2); is(t[1], 20); is(t[2], nil)
  local x, y = 1, 2
  x, y = y, x
  is(x, 2); is(y, 1)
  local function f() return 1, 2, 3 end
  local p, q, r, s = f()
  assert(p == 1 and q == 2 and r == 3 and s == nil)
  p, q, r, s = f(), 10
  assert(p == 1 and q == 10 and r == nil and s == nil)
  p, q, r, s = 0, f()
  assert(p == 0 and q == 1 and r == 2 and s == 3)
  p, q = (f())
  assert(p == 1 and q == nil)
  t = {}
  t.a, t.b = 1, 2, 3, f()
  assert(t.a == 1 and t.b == 2)
  local u = {f(), f()}
  is(#u, 4)
  u = {f(), (f())}
  is(#u, 2)
  u = {f(), nil}
  is(select('#', table.unpack(u, 1, 2)), 2)
end)

T("numeric for", function()
  local n = 0
  for i = 1, 0 do n = n + 1 end
  is(n, 0)
  for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end
  is(n, 3)
  for i = math.mininteger, math.mininteger + 2 do n = n + 1 end
  is(n, 6)
  for i = math.mininteger + 2, math.mininteger, -1 do n = n + 1 end
  is(n, 9)
  local last
  for i = 1, 3, 0.5 do last = i end
  ist(last, 3.0)
  for i = 1.0, 3 do last = i end
  ist(last, 3.0)
  for i = 1, 3.7 do last = i end
  ist(last, 3)
  for i = 3, 1.5, -1 do last = i end
  ist(last, 2)
  n = 0
  for i = 1, math.huge do n = n + 1; if n == 5 then break end end
  is(n, 5)
  for i = 1, -math.huge do n = n + 1 end
  is(n, 5)
  local m = E(function() for i = 1, 10, 0 do end end); assert(m:find("'for' step is zero"), m)
  m = E(function() for i = 1, "x" do end end); assert(m:find("bad 'for' limit %(number expected, got string%)"), m)
  m = E(function() for i = "a", 2 do end end); assert(m:find("bad 'for' initial value %(number expected, got string%)"), m)
  m = E(function() for i = 1, 2, {} do end end); assert(m:find("bad 'for' step %(number expected, got table%)"), m)
  n = 0
  for i = 1, 3 do i = i * 10; n = n + i end   -- the copy can be assigned
  is(n, 60)
  n = 0
  for i = 0.1, 0.35, 0.1 do n = n + 1 end
  is(n, 3)
  n = 0
  for i = math.maxinteger - 1, math.huge do n = n + 1 end
  is(n, 2)
  n = 0
  for i = 1, 10, math.maxinteger do n = n + 1 end
  is(n, 1)
  n = 0
  for i = -1, -10, math.mininteger do n = n + 1 end
  is(n, 1)
  local got = {}
  for i = "1", 2 do got[#got + 1] = math.type(i) end   -- a string is converted; not an integer, so a float loop
  is(table.concat(got, " "), "float float")
  got = {}
  for i = 1, "2.5" do got[#got + 1] = i end
  is(table.concat(got, " "), "1 2")
end)

T("goto and labels", function()
  local n = 0
  ::top:: n = n + 1
  if n < 3 then goto top end
  is(n, 3)
  for i = 1, 3 do
    for j = 1, 3 do
      if j == 2 then goto continue end
      n = n + 1
      ::continue::
    end
  end
  is(n, 9)
  local e = select(2, load("goto nowhere", "=g")); is(e, "g:1: no visible label 'nowhere' for <goto> at line 1")
  e = select(2, load("::a:: ::a::", "=g")); is(e, "g:1: label 'a' already defined on line 1")
  e = select(2, load("goto f; local x; ::f:: print(x)", "=g")); is(e, "g:1: <goto f> at line 1 jumps into the scope of local 'x'")
  assert(load("do goto f; local x end ::f::"))
  assert(load("goto f; local x; ::f::"))  -- label at block end: local out of scope
  e = select(2, load("break", "=g")); is(e, "g:1: break outside loop at line 1")
end)

T("method calls and string methods", function()
  local o = {v = 3}
  function o:get(d) return self.v + (d or 0) end
  function o.static(a) return a end
  is(o:get(), 3); is(o.get(o, 1), 4); is(o.static(5), 5)
  is(("x"):rep(3), "xxx"); is(#("abc"):upper(), 3)
  local s = "%d"
  is(s:format(5), "5")
  local m = E(function() local n = 5; return n:foo() end)
  assert(m:find("attempt to index a number value %(local 'n'%)"), m)
  m = E(function() return ("x"):nothere() end)
  assert(m:find("attempt to call a nil value %(method 'nothere'%)"), m)
end)

if failed > 0 then error(failed .. " failed") end
print("done")
