-- debian: lua-busted
-- busted 2.1 (Debian lua-busted, Lua 5.1 folder), the test framework, run as
-- /usr/bin/busted runs it (busted.runner) over spec files that the driver
-- writes: passing, failing and erroring tests, pending ones, nested describe
-- blocks with before_each/after_each, luassert's assertions, spies, stubs and
-- matchers; each run with another output handler (plain and UTF terminal,
-- TAP, gtest, JSON), with tags, filters, --list and a seeded --shuffle.
-- Failure messages, error values and tracebacks are where interpreters differ.
-- support/busted_run.lua runs busted in this process, again and again, with
-- stand-ins for its C dependencies.
local here = arg[0]:match("^(.*)/") or "."
local S = dofile(here .. "/support/show.lua")
S.use51()
local busted, exit = loadfile(here .. "/support/busted_run.lua")(here)
S.where("busted.runner")

local function write(name, text)
  local f = assert(io.open(name, "w"))
  f:write(text)
  f:close()
end
os.execute("mkdir -p spec")
write("spec/arith_spec.lua", [==[
describe("arithmetic", function()
  it("adds #fast", function() assert.are.equal(4, 2 + 2) end)
  it("fails equal", function() assert.are.equal(5, 2 + 2) end)
  it("fails same", function() assert.are.same({1, {2, 3}, x = "y"}, {1, {2, 4}, x = "y"}) end)
  it("errors", function() local t = nil; return t.field end)
  it("error with table", function() error({code = 42}) end)
  pending("later")
  it("is true", function() assert.is_true(1 == 2) end)
  it("has error #fast", function() assert.has_error(function() error("boom") end, "boom") end)
  it("has error wrong", function() assert.has_error(function() error("boom") end, "bang") end)
  it("spies", function()
    local s = spy.new(function(a) return a * 2 end)
    s(3); s(4)
    assert.spy(s).was.called(2)
    assert.spy(s).was.called_with(5)
  end)
  it("stubs #fast", function()
    local t = { f = function() return 1 end }
    stub(t, "f").returns(9)
    assert.are.equal(9, t.f())
    t.f:revert()
    assert.are.equal(1, t.f())
  end)
  describe("nested", function()
    local n
    before_each(function() n = 10 end)
    after_each(function() n = nil end)
    it("uses setup", function() assert.are.equal(10, n) end)
    it("matchers", function() assert.is.truthy(n) assert.matches("^%d+$", tostring(n)) assert.is_not.equal(n, 11) end)
    it("near", function() assert.is.near(1.0, 1.05, 0.01) end)
    it("deep error", function()
      local function inner(x) return x + nil end
      local function outer() return inner(1) + 1 end
      outer()
    end)
  end)
end)
]==])
write("spec/strings_spec.lua", [==[
describe("strings", function()
  it("unicode ✓", function() assert.are.equal("héllo", "hello") end)
  it("long", function() assert.are.equal(string.rep("a", 50), string.rep("a", 49) .. "b") end)
  it("nil vs false", function() assert.are.equal(nil, false) end)
  it("error object", function() error(setmetatable({}, {__tostring = function() return "custom err" end})) end)
  it("error level 2", function() local function check(v) if not v then error("bad value", 2) end end check(false) end)
  it("integer vs float", function() assert.are.same({1, 2.0}, {1.0, 2}) assert.are.equal(1, 1.0) assert.are.equal(3, 3.5) end)
  it("unique", function() assert.is_unique({1, 2, 2}) end)
  it("errors matching", function() assert.error_matches(function() error("code 17") end, "code (%d+)") end)
  it("returns", function() assert.returned_arguments(1, 2, 3) end)
  describe("setup errors", function()
    setup(function() error("setup failed") end)
    it("never runs", function() end)
  end)
end)
]==])

busted("-o", "plainTerminal", "spec")
busted("-o", "plainTerminal", "--verbose", "spec/arith_spec.lua")
busted("-o", "utfTerminal", "spec")
busted("-o", "TAP", "spec")
busted("-o", "gtest", "--tags=fast", "spec")
busted("-o", "TAP", "--filter=error", "--exclude-tags=fast", "spec")
busted("--list", "spec")
busted("-o", "TAP", "--shuffle", "--seed=12345", "spec")
busted("-o", "TAP", "--no-such-option", "spec")
busted("-o", "TAP", "nonexistent_spec.lua")
exit(0)
