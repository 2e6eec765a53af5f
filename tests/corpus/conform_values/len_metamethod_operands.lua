-- unary metamethods (__unm, __len, __bnot) receive the operand twice
local mt = {}
for _, e in ipairs{"unm", "len", "bnot"} do
  mt["__" .. e] = function(...) return e .. select('#', ...) .. tostring(select(1, ...) == select(2, ...)) end
end
local a = setmetatable({}, mt)
local function run() return -a, #a, ~a end
for _ = 1, 1200 do run() end
print(run())
print(#setmetatable({1, 2}, {__len = function(x, y) return rawlen(y) + 10 end}))
