-- __len receives the operand twice, as __unm and __bnot do (conformance M1)
local mt = {}
for _, e in ipairs{"unm", "len", "bnot"} do
  mt["__" .. e] = function(a, b, ...) print(e, select('#', a, b, ...), rawequal(a, b)) return 3 end
end
local a = setmetatable({}, mt)
local _ = -a
_ = #a
_ = ~a
for i = 1, 3 do _ = #a end   -- hot code
table.insert(a, "x")           -- luaL_len
print(rawlen(a), a[4])
print(select('#', string.rep("x", 0)), #setmetatable({}, {__len = function(...) return select('#', ...) end}))
