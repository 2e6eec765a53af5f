-- a metamethod that is not callable: 'attempt to call' names the metamethod
local mt = {__add = 34, __lt = {}, __len = true, __concat = 3, __eq = 3,
            __unm = 3, __bnot = "x", __band = 3, __idiv = false, __le = 2}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local cases = {
  function() return a + 1 end,
  function() return 1 // a end,
  function() return a < a end,
  function() return a <= 1 end,
  function() return #a end,
  function() return a .. "x" end,
  function() return a == b end,
  function() return -a end,
  function() return ~a end,
  function() return a & 1 end,
  function() return setmetatable({}, {__lt = 3}) <= 1 end,
  function() local x <close> = setmetatable({}, {__close = function() end}); getmetatable(x).__close = 5 end,
  function() return setmetatable({}, {__call = 1})() end,
  function() return a + setmetatable({}, {__add = function() return "ok" end}) end,
}
local function run()
  local out = {}
  for i, f in ipairs(cases) do out[i] = select(2, pcall(f)) end
  return out
end
for _ = 1, 1200 do run() end
for i, m in ipairs(run()) do print(i, m) end
