-- conform_suite (part D): goto and labels, self-checking, written from the manual (3.3.4) and checked
-- against lua5.4: visibility rules, every compile error, labels at block ends, loops built from goto,
-- and jumps out of blocks closing upvalues and to-be-closed variables.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
local function CE(src) local f, e = load(src, "=c"); assert(not f, "compiled: " .. src); return e end
local function OK(src, ...) local f, e = load(src, "=c"); assert(f, e); return f(...) end

T("compile errors", function()
  is(CE("goto l1"), "c:1: no visible label 'l1' for <goto> at line 1")
  is(CE("do ::l1:: end goto l1"), "c:1: no visible label 'l1' for <goto> at line 1")
  is(CE("::l1:: ::l1::"), "c:1: label 'l1' already defined on line 1")
  -- errors are reported at the line the parser has reached (the end of the block for gotos)
  is(CE("::l1::\ndo\n::l1::\nend"), "c:4: label 'l1' already defined on line 1")
  is(CE("goto l1\nlocal x\n::l1::\nprint(x)"), "c:4: <goto l1> at line 1 jumps into the scope of local 'x'")
  is(CE("do goto l2 end\nlocal a, b = 1\n::l2:: a = 2"), "c:3: <goto l2> at line 1 jumps into the scope of local 'a'")
  is(CE("break"), "c:1: break outside loop at line 1")
  is(CE("do\n\nbreak\nend"), "c:4: break outside loop at line 3")
  is(CE("local function f() break end"), "c:1: break outside loop at line 1")
  is(CE("while true do local function f() break end end"), "c:1: break outside loop at line 1")
  is(CE("goto continue"), "c:1: no visible label 'continue' for <goto> at line 1")
  is(CE("::1::"), "c:1: <name> expected near '1'")
  -- a label's statement first skips the void statements after it (other labels too), so the second
  -- label is defined first and the first one is reported as the repetition
  is(CE(":: a ::\n:: a ::"), "c:2: label 'a' already defined on line 2")
  is(CE("::a: :"), "c:1: '::' expected near ':'")
  is(CE("goto"), "c:1: <name> expected near <eof>")
  -- a goto cannot jump into a label of an enclosing function
  is(CE("::top:: local function f() goto top end"), "c:1: no visible label 'top' for <goto> at line 1")
  -- a repeat's until expression is in the scope of the body's locals: jumping to a label before it
  -- that follows a local is a jump into that scope
  is(CE("repeat goto cont\nlocal x\n::cont:: until x"), "c:3: <goto cont> at line 1 jumps into the scope of local 'x'")
  -- 'goto' is a reserved word
  is(CE("local goto = 1"), "c:1: <name> expected near 'goto'")
end)

T("labels that are allowed", function()
  -- a label at the end of a block is outside the scope of the block's locals (void statements after it too)
  is(OK("do goto e\nlocal x = 1\n::e:: ; ; end return 'ok'"), "ok")
  is(OK("do goto e local x = 1 ::e:: ::f:: end return 'ok'"), "ok")
  -- the same label name in nested functions or sibling blocks
  is(OK("do ::a:: end do ::a:: end local function f() ::a:: end return 'ok'"), "ok")
  -- a label in an enclosing block is visible; a nested block's label may not repeat it (5.4)
  is(CE("::a:: do ::a:: end"), "c:1: label 'a' already defined on line 1")
  -- a goto may jump backward into its own block
  is(OK("local n = 0 ::top:: n = n + 1 if n < 5 then goto top end return n"), 5)
  -- forward over a nested function
  is(OK("do goto skip local function f() end ::skip:: end return 1"), 1)
  is(CE("goto skip local function f() end ::skip:: return 1"), "c:1: <goto skip> at line 1 jumps into the scope of local 'f'")
end)

T("continue idiom and loops from goto", function()
  local t = {}
  for i = 1, 10 do
    if i % 3 == 0 then goto continue end
    t[#t + 1] = i
    ::continue::
  end
  is(table.concat(t, ","), "1,2,4,5,7,8,10")
  t = {}
  local i = 0
  while i < 6 do
    i = i + 1
    if i % 2 == 0 then goto next end
    do local sq = i * i; t[#t + 1] = sq end
    ::next::
  end
  is(table.concat(t, ","), "1,9,25")
  t = {}
  i = 0
  repeat
    i = i + 1
    if i == 2 then goto skip end
    t[#t + 1] = i
    ::skip::
  until i >= 4
  is(table.concat(t, ","), "1,3,4")
  -- a nested loop left by goto
  local found
  for a = 1, 5 do
    for b = 1, 5 do
      if a * b == 12 then found = a .. "x" .. b; goto done end
    end
  end
  ::done::
  is(found, "3x4")
  -- a state machine
  local out = {}
  local n = 0
  ::s1:: n = n + 1; out[#out + 1] = "a"; if n < 3 then goto s2 else goto fin end
  ::s2:: out[#out + 1] = "b"; goto s1
  ::fin::
  is(table.concat(out), "ababa")
end)

T("a backward goto makes fresh locals for closures", function()
  local fs = {}
  do
    local i = 1
    ::again::
    local x = i * 10
    fs[#fs + 1] = function() return x end
    i = i + 1
    if i <= 3 then goto again end
  end
  is(fs[1](), 10); is(fs[2](), 20); is(fs[3](), 30)
  -- the upvalue shared by two closures of one iteration stays shared
  local gets, sets = {}, {}
  do
    local k = 0
    ::l::
    k = k + 1
    local v = k
    gets[k] = function() return v end
    sets[k] = function(n) v = n end
    if k < 2 then goto l end
  end
  sets[1](100)
  is(gets[1](), 100); is(gets[2](), 2)
end)

T("goto out of blocks closes to-be-closed variables", function()
  local log = {}
  local function closer(name) return setmetatable({}, { __close = function(_, e) log[#log + 1] = name .. ":" .. tostring(e) end }) end
  do
    local a <close> = closer("a")
    do
      local b <close> = closer("b")
      goto out
    end
  end
  ::out::
  is(table.concat(log, " "), "b:nil a:nil")
  -- a backward jump past a to-be-closed variable closes it each time
  log = {}
  do
    local n = 0
    ::top::
    n = n + 1
    local c <close> = closer("c" .. n)
    if n < 3 then goto top end
  end
  is(table.concat(log, " "), "c1:nil c2:nil c3:nil")
  -- out of a loop
  log = {}
  for i = 1, 3 do
    local d <close> = closer("d" .. i)
    if i == 2 then goto after end
  end
  ::after::
  is(table.concat(log, " "), "d1:nil d2:nil")
  -- out of a generic for: its closing value is closed too
  log = {}
  local function iter(s, c) if c < 5 then return c + 1 end end
  for v in iter, nil, 0, closer("for") do
    if v == 2 then goto gone end
  end
  ::gone::
  is(table.concat(log, " "), "for:nil")
end)

T("goto inside nested functions and coroutines", function()
  local function f(n)
    local acc = 0
    ::loop::
    if n == 0 then return acc end
    acc = acc + n
    n = n - 1
    goto loop
  end
  is(f(100), 5050)
  local co = coroutine.wrap(function()
    local i = 0
    ::y::
    i = i + 1
    coroutine.yield(i)
    if i < 3 then goto y end
    return "end"
  end)
  is(co(), 1); is(co(), 2); is(co(), 3); is(co(), "end")
end)

T("line numbers of goto errors", function()
  is(CE("local a\n\n\ngoto nowhere\n"), "c:5: no visible label 'nowhere' for <goto> at line 4")
  is(CE("do\n  goto x\nend\nlocal y\n::x::\nprint(y)"), "c:6: <goto x> at line 2 jumps into the scope of local 'y'")
  is(CE("for i = 1, 2 do\n\nend\n::a::\n\n::a::"), "c:6: label 'a' already defined on line 6")
  is(CE("::a:: x = 1\n\n::a::"), "c:3: label 'a' already defined on line 1")
  is(CE("if x then\n goto l1\nend"), "c:3: no visible label 'l1' for <goto> at line 2")
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
