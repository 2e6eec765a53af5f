-- debian: lua-luassert, lua-say
-- luassert 1.9 (Debian lua-luassert, with say): assertions (positive, negated,
-- chained modifiers), their failure messages, matchers, spies, stubs and mocks,
-- custom assertions and formatters, message languages.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("luassert")
S.where("luassert.spy")
local assert = require("luassert")
local spy = require("luassert.spy")
local stub = require("luassert.stub")
local mock = require("luassert.mock")
local match = require("luassert.match")
local say = require("say")

-- runs f; prints "ok" or the failure message (addresses scrubbed)
local function try(label, f)
  local ok, err = pcall(f)
  if ok then print(label .. ": ok") return end
  local msg = type(err) == "table" and tostring(err.message or err) or tostring(err)
  msg = msg:gsub("0x%x+", "ADDR"):gsub("table: ADDR", "table: ADDR")
  print(label .. ": FAIL " .. msg)
end

try("is_true", function() assert.is_true(true) end)
try("is_true fails", function() assert.is_true(false) end)
try("is_not_true", function() assert.is_not_true(1) end)
try("falsy", function() assert.falsy(nil) assert.is.falsy(false) end)
try("truthy fails", function() assert.truthy(nil, "custom message") end)
try("equals", function() assert.are.equal(1, 1) assert.equals("a", "a") end)
try("equals fails", function() assert.are.equal(1, 2) end)
try("equals fails strings", function() assert.equals("abc", "abd") end)
try("same tables", function() assert.same({ 1, { 2, x = "y" } }, { 1, { 2, x = "y" } }) end)
try("same fails", function() assert.same({ 1, { 2, x = "y" } }, { 1, { 2, x = "z" } }) end)
try("same fails deep", function() assert.are.same({ a = { b = { c = { d = 1 } } } }, { a = { b = { c = { d = 2 } } } }) end)
try("not same", function() assert.are_not.same({ 1 }, { 2 }) end)
try("near", function() assert.is.near(1.0, 1.05, 0.1) end)
try("near fails", function() assert.is.near(1.0, 1.5, 0.1) end)
try("matches", function() assert.matches("^h%a+", "hello") end)
try("matches plain", function() assert.matches("a.b", "xa.by", nil, true) end)
try("matches fails", function() assert.matches("^%d+$", "12a") end)
try("unique", function() assert.is.unique({ 1, 2, 3 }) end)
try("unique fails", function() assert.is_unique({ { 1 }, { 1 } }, true) end)
try("error", function() assert.has_error(function() error("boom") end) end)
try("error exact", function() assert.has_error(function() error("boom", 0) end, "boom") end)
try("error table", function() assert.has_error(function() error({ code = 7 }) end, { code = 7 }) end)
try("error fails", function() assert.has_error(function() end) end)
try("has_no_error", function() assert.has_no.errors(function() error("x", 0) end) end)
try("error_matches", function() assert.error_matches(function() error("code 42 here", 0) end, "code %d+") end)
try("error_matches fails", function() assert.error_matches(function() error("nope", 0) end, "^code") end)
try("types", function()
  assert.is_number(1) assert.is_string("s") assert.is_table({}) assert.is_boolean(false)
  assert.is_function(print) assert.is_nil(nil) assert.is_thread(coroutine.create(print))
  assert.is_not_number("1") assert.is_userdata(io.stdout)
end)
try("type fails", function() assert.is_string(1) end)
try("returned_arguments", function() assert.returned_arguments(2, 1, 2) end)
try("message modifier", function() assert.message("extra info").equals(1, 2) end)
try("chain", function() assert.is_not.is.are.equal(1, 2) end)
try("assert plain", function() assert(1 == 1, "fine") end)
try("assert plain fails", function() assert(false, "plain failure") end)
try("assert plain fails level", function() assert(nil) end)

-- custom assertion
local function has_property(state, arguments)
  local prop, tbl = arguments[1], arguments[2]
  return type(tbl) == "table" and tbl[prop] ~= nil
end
say:set("assertion.has_property.positive", "Expected property %s in:\n%s")
say:set("assertion.has_property.negative", "Expected property %s to not be in:\n%s")
assert:register("assertion", "has_property", has_property, "assertion.has_property.positive", "assertion.has_property.negative")
try("custom", function() assert.has_property("name", { name = "x" }) end)
try("custom fails", function() assert.has_property("age", { name = "x" }) end)
try("custom negated", function() assert.has_no.property("name", { name = "x" }) end)

-- matchers
try("match any", function() assert.is_true(match.is_number()(5)) end)
local m = match.is_table()
print("matchers", match.is_number()(1), match.is_number()("1"), match.is_string()("s"), match.is_nil()(nil),
      match.is_truthy()(0), match.is_falsy()(false), match.is_same({ 1 })({ 1 }), match.is_equal(2)(2),
      match.is_near(1, 0.5)(1.4), match.is_matches("^a")("abc"), match.is_unique()({ 1, 2 }),
      match.is_not_nil()(1), match.is_all_of(match.is_number(), match.is_near(10, 1))(10.5),
      match.is_any_of(match.is_string(), match.is_boolean())(true), match.is_none_of(match.is_string())(1),
      match.is_ref(m)(m), match.is_ref(m)(match.is_table()), match.is_matcher(m), match.is_matcher(1))

-- spies
local calls = {}
local function target(a, b) calls[#calls + 1] = a return (a or 0) + (b or 0) end
local s = spy.new(target)
print("spy results", s(1, 2), s(3), s(5, nil))
try("spy called", function() assert.spy(s).was.called() end)
try("spy called 3", function() assert.spy(s).was.called(3) end)
try("spy called 2 fails", function() assert.spy(s).was.called(2) end)
try("spy called_with", function() assert.spy(s).was.called_with(1, 2) end)
try("spy called_with matcher", function() assert.spy(s).was.called_with(match.is_number(), match._) end)
try("spy called_with fails", function() assert.spy(s).was.called_with(9, 9) end)
try("spy returned_with", function() assert.spy(s).returned_with(3) end)
try("spy not called_with", function() assert.spy(s).was_not.called_with(5) end)
try("spy at_least", function() assert.spy(s).was.called.at_least(2) end)
try("spy at_most fails", function() assert.spy(s).was.called.at_most(1) end)
print("spy calls", #s.calls, S.show(s.calls[1].vals), S.show(s.returnvals[1].vals))
s:clear()
print("after clear", #s.calls)
try("spy none", function() assert.spy(s).was_not.called() end)
local obj = { greet = function(self, name) return "hi " .. name end, n = 0 }
spy.on(obj, "greet")
print(obj:greet("ann"), spy.is_spy(obj.greet))
try("spy.on called_with self", function() assert.spy(obj.greet).was.called_with(match.is_ref(obj), "ann") end)
obj.greet:revert()
print("reverted", spy.is_spy(obj.greet))

-- stubs
local api = { fetch = function() return "real" end, count = function() return 0 end }
stub(api, "fetch").returns("stubbed", 2)
print("stub", api.fetch("url"))
stub(api, "count").invokes(function(x) return x * 10 end)
print("stub invokes", api.count(4))
stub(api, "fetch").on_call_with("a").returns("A").on_call_with("b").returns("B")
print("on_call_with", api.fetch("a"), api.fetch("b"), api.fetch("c"))
try("stub called_with", function() assert.stub(api.fetch).was.called_with("b") end)
api.fetch:revert()
api.count:revert()
print("reverted stubs", api.fetch(), api.count())
local st = stub.new()
st.returns(1, 2, 3)
print("stub.new", st())

-- mocks
local service = { add = function(a, b) return a + b end, sub = function(a, b) return a - b end, name = "svc" }
local mk = mock(service)
print("mock spy", mk.add(2, 3), mk.name)
try("mock add called", function() assert.spy(mk.add).was.called_with(2, 3) end)
try("mock sub not called", function() assert.spy(mk.sub).was_not.called() end)
mock.revert(mk)
local stubbed = mock(service, true)
print("mock stubbed", stubbed.add(2, 3))
mock.revert(stubbed)
print("after revert", service.add(2, 3))

-- formatters: a custom one for a type
assert:add_formatter(function(v) if type(v) == "number" and v > 1000 then return "big(" .. v .. ")" end end)
try("formatter", function() assert.equals(5000, 6000) end)
-- parameters and state snapshot
local snap = assert:snapshot()
assert:set_parameter("TableFormatLevel", 1)
try("format level", function() assert.same({ a = { b = { c = 1 } } }, { a = { b = { c = 2 } } }) end)
snap:revert()
print("param after revert", assert:get_parameter("TableFormatLevel"))
-- languages
require("luassert.languages.nl")
say:set_namespace("nl")
try("dutch", function() assert.equals(1, 2) end)
say:set_namespace("en")
try("english again", function() assert.is_true(false) end)
