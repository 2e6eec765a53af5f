-- conform_suite (part B): the values a frame holds pending across a call, as
-- debug.getlocal shows them to the callee ("(temporary)"), self-checking.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function is(got, want) assert(got == want, "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]") end

-- the entries of the calling frame past its n named locals, as a list of values
local function pending(nlocals)
  local t = {}
  for n = nlocals + 1, nlocals + 20 do
    local name, v = debug.getlocal(3, n)
    if name == nil then break end
    assert(name == "(temporary)", "unexpected name " .. tostring(name))
    t[#t + 1] = v
  end
  return t
end
local seen
local function probe(nlocals, r) seen = pending(nlocals) return r end

T("left operand of arithmetic", function()
  local a = 5
  local s = (a + 1) * probe(1, 2)
  is(s, 12); is(#seen, 1); is(seen[1], 6)
  s = a * probe(2, 3)          -- a local operand is used in place
  is(#seen, 0)
  s = 10 - probe(2, 3)         -- so is a numeral
  is(#seen, 0)
end)

T("function and earlier arguments of a call", function()
  local x = "x"
  local function g(...) return select("#", ...) end
  local n = g(x, 7, probe(2, 1))
  is(n, 3); is(#seen, 3); is(seen[1], g); is(seen[2], "x"); is(seen[3], 7)
end)

T("nested calls", function()
  local function h(...) return ... end
  local v = h(1, h(2, probe(1, 3)))
  is(v, 1); is(#seen, 4); is(seen[1], h); is(seen[2], 1); is(seen[3], h); is(seen[4], 2)
end)

T("table constructor", function()
  local t = {10, 20, probe(0, 30)}
  is(#t, 3); is(#seen, 3); is(type(seen[1]), "table"); is(seen[2], 10); is(seen[3], 20)
  t = {k = probe(1, 1)}
  is(#seen, 1); is(type(seen[1]), "table")
end)

T("concatenation", function()
  local a, b = "a", "b"
  local s = a .. b .. probe(2, "c")
  is(s, "abc"); is(#seen, 2); is(seen[1], "a"); is(seen[2], "b")
end)

T("method call and indexed store", function()
  local obj = {v = 1}
  function obj:m(x, y) return self.v + x + y end
  local r = obj:m(4, probe(1, 5))
  is(r, 10); is(#seen, 3); is(seen[1], obj.m); is(seen[2], obj); is(seen[3], 4)
  local t = {sub = {}}
  t.sub.k = probe(3, 1)
  is(#seen, 1); is(seen[1], t.sub)
end)

T("setlocal on a pending operand", function()
  local function change() assert(debug.setlocal(2, 3, 100) == "(temporary)") return 1 end
  local a = 1
  local s = (a + 1) + change()
  is(s, 101)
end)

T("no entries past the pending ones", function()
  local function count()
    local n = 0
    while debug.getlocal(2, n + 1) do n = n + 1 end
    return n
  end
  local a = 1
  local c = (a + 1) + count()       -- count, a, then (a + 1)
  is(c, 5)                           -- 2 + count, 3 entries
end)

print(failed == 0 and "all passed" or failed .. " failed")
