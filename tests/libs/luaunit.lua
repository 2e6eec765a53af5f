-- debian: lua-unit
-- LuaUnit 3.4 (Debian lua-unit): a test suite of ours run by LuaUnit, with
-- passing, failing, erroring and skipped tests, setUp/tearDown, every assert
-- family, text (verbose) and TAP output; then the assert functions called
-- directly, with their failure messages. os.clock and os.date are made
-- constant so the reported durations and dates are deterministic.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("luaunit")
os.clock = function() return 0 end
os.date = function() return "(date)" end
local lu = require("luaunit")
print(lu.VERSION, lu._LUAVERSION)

local log = {}
TestBasics = {}
function TestBasics:setUp() self.v = { 1, 2, 3 } log[#log + 1] = "setUp" end
function TestBasics:tearDown() log[#log + 1] = "tearDown" end
function TestBasics:testEquals() lu.assertEquals(#self.v, 3) lu.assertEquals({ a = { 1, 2 } }, { a = { 1, 2 } }) end
function TestBasics:testAlmost() lu.assertAlmostEquals(0.1 + 0.2, 0.3, 1e-12) lu.assertNotAlmostEquals(1, 1.1, 0.01) end
function TestBasics:testStrings()
  lu.assertStrContains("hello world", "o w") lu.assertStrIContains("HELLO", "ell")
  lu.assertNotStrContains("abc", "d") lu.assertStrMatches("2024-01-02", "%d+%-%d+%-%d+")
end
function TestBasics:testErrors()
  lu.assertError(error, "x")
  lu.assertErrorMsgEquals("plain", function() error("plain", 0) end)
  lu.assertErrorMsgContains("oops", function() error("big oops here") end)
  lu.assertErrorMsgMatches(".*:%d+: num 42", function() error("num 42") end)
end
function TestBasics:testTypes()
  lu.assertIsNumber(1) lu.assertIsString("s") lu.assertIsTable({}) lu.assertIsFunction(print)
  lu.assertIsBoolean(true) lu.assertIsNil(nil) lu.assertIsThread(coroutine.create(print)) lu.assertIsUserdata(io.stdout)
  lu.assertNotIsNumber("1") lu.assertIsNaN(0/0) lu.assertIsPlusInf(1/0) lu.assertIsMinusInf(-1/0)
  lu.assertIsPlusZero(0.0) lu.assertIsMinusZero(-0.0) lu.assertIsInf(-1/0)
end
function TestBasics:testTables()
  lu.assertItemsEquals({ 1, 2, 3 }, { 3, 1, 2 }) lu.assertTableContains({ 1, { 2 } }, { 2 })
  lu.assertNotTableContains({ 1, 2 }, 3) lu.assertIs(self, self) lu.assertNotIs({}, {})
end
function TestBasics:testFailEquals() lu.assertEquals({ 1, 2, { x = 1 } }, { 1, 2, { x = 2 } }) end
function TestBasics:testFailString() lu.assertEquals("line one\nline two", "line one\nline 2") end
function TestBasics:testFailNumber() lu.assertAlmostEquals(1.5, 2, 0.1) end
function TestBasics:testRaises() local t = nil; return t.field end
function TestBasics:testSkip() lu.skipIf(true, "not today") error("unreachable") end
function TestBasics:testFailMsg() lu.assertTrue(false, "with a custom message") end
function TestBasics:testFailNil() lu.assertNil(42) end
function TestBasics:testFailItems() lu.assertItemsEquals({ 1, 2 }, { 1, 3 }) end
function TestBasics:testFailContains() lu.assertStrContains("haystack", "needle") end
function TestBasics:testFailError() lu.assertError(function() end) end
function TestBasics:testSuccessIf() lu.successIf(true) error("unreachable") end
function TestBasics:testFail() lu.fail("explicit failure") end
TestOther = {}
function TestOther:test1() lu.assertEquals(1, 1) end
function TestOther.test2() lu.assertNotEquals(1, 2) end
function testGlobalFunction() lu.assertTrue(true) end

local function run(...)
  local runner = lu.LuaUnit.new()
  local status = runner:runSuite(...)
  io.stdout:flush()
  print("status", status)
end
run("--verbose")
run("--output", "tap", "--pattern", "Fail")
run("--output", "text", "--exclude", "Fail", "TestBasics")
run("-q", "TestOther")
run("--name", "nosuch")
print(table.concat(log, " "):sub(1, 200))

-- direct assertion calls
local function try(label, f)
  local ok, err = pcall(f)
  local msg = ok and "ok" or type(err) == "table" and (tostring(err.msg) .. " [" .. tostring(err.status) .. "]") or tostring(err)
  print(label .. ": " .. msg:gsub("0x%x+", "ADDR"))
end
try("equals", function() lu.assertEquals(1, 1) end)
try("equals fail", function() lu.assertEquals(1, 2) end)
try("equals fail tables", function() lu.assertEquals({ 1, "two", { 3 } }, { 1, "two", { 4 } }) end)
try("equals long list", function() local a, b = {}, {} for i = 1, 20 do a[i], b[i] = i, i end b[15] = 0 lu.assertEquals(a, b) end)
try("almost", function() lu.assertAlmostEquals(1, 1.2) end)
try("not equals", function() lu.assertNotEquals("a", "a") end)
try("str icontains", function() lu.assertStrIContains("Hello", "WORLD") end)
try("matches", function() lu.assertStrMatches("abc", "^b") end)
try("error msg equals", function() lu.assertErrorMsgEquals("a", function() error("b", 0) end) end)
try("isTrue", function() lu.assertIsTrue(1) end)
try("evalToTrue", function() lu.assertEvalToTrue(nil) end)
try("is", function() lu.assertIs({}, {}) end)
try("isNaN", function() lu.assertIsNaN(1) end)
try("prettystr", function() error(lu.prettystr({ 1, "x", a = { b = true }, [10] = 1.5 }), 0) end)
try("prettystr cycle", function() local t = { name = "c" } t.self = t error((lu.prettystr(t):gsub("<table: ADDR>", "T")), 0) end)
lu.ORDER_ACTUAL_EXPECTED = false
try("expected first", function() lu.assertEquals(1, 2) end)
lu.PRINT_TABLE_REF_IN_ERROR_MSG = false
try("strip", function() lu.assertEquals({ 1 }, { 2 }) end)
