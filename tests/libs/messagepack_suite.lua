-- debian: lua-messagepack
-- lua-MessagePack 0.5.2's own tests (test/*.lua, copied unchanged from the
-- Debian source package into upstream/messagepack with the licence), run
-- against the installed MessagePack.lua: the msgpack spec cases, errors,
-- edge values (inf, nan, -0, integer limits), every code path (04-cover),
-- metatables, functions, multiple values, closures, custom unpackers. They are
-- written for lua-TestMore, which Debian does not package: support/testmore.lua
-- stands in and prints TAP. Left out: 05-fuzzing (a million random inputs
-- seeded with os.time), 11-userdata-bc (needs bc), 13-coat (needs Coat) and 15-ffi-cdata (LuaJIT's ffi).
local here = arg[0]:match("^(.*)/") or "."
local S = dofile(here .. "/support/show.lua")
S.use51()
S.where("MessagePack")
local T = loadfile(here .. "/support/testmore.lua")(S)
for _, name in ipairs({ "00-require", "01-spectest", "02-except", "03-edge", "04-cover",
    "12-metatable", "14-function", "21-multiples", "22-closure", "31-custom-unpack", "issue6" }) do
  print("== " .. name)
  T.reset()
  package.loaded.MessagePack = nil  -- each test file configures the module its own way
  local ok, err = pcall(dofile, here .. "/upstream/messagepack/test/" .. name .. ".lua")
  if not ok and err ~= "skip_all" then print("test file error", (tostring(err):gsub("0x%x+", "ADDR"))) end
  print("== " .. name .. ": " .. T.n .. " tests, " .. T.failed .. " failed")
end
