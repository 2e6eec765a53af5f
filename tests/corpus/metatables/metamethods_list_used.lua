-- a type implementing every 5.4 operator metamethod records its calls
local log = {}
local mt = {}
for _, e in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv", "band", "bor", "bxor", "shl", "shr", "bnot", "concat", "len", "eq", "lt", "le", "call", "index", "newindex"}) do
  mt["__" .. e] = function(...) log[#log + 1] = e return e == "eq" or e == "lt" or e == "le" or e end
end
local o = setmetatable({}, mt)
local o2 = setmetatable({}, mt)
local _ = o + 1, o - 1, o * 1, o / 1, o % 1, o ^ 1, -o, o // 1, o & 1, o | 1, o ~ 1, o << 1, o >> 1, ~o, o .. "", #o, o == o2, o < o2, o <= o2, o(), o.x
o.y = 1
print(table.concat(log, " "))
print(#log)
