-- lua5.4's code generator folds constants (luaK_exp2const, constfolding): 'not' and '-' of a constant,
-- '~' and arithmetic on numerals, <const> locals. An 'and'/'or' whose left operand is such a constant
-- has no test, so the right operand's load is the register's last and errors name it
-- (tests/fuzz/README.md: ((not false) and (not 9007199254740993) or o10) & k names "upvalue 'o10'")
local o10 = {}
local k = 1
for _, op in ipairs{"&", "+", "..", "<", "call"} do
  for _, e in ipairs{"((not false) and (not 9007199254740993) or o10)", "(not 1 or o10)", "(not 's' or o10)",
      "(not nil and o10)", "(not not 1 and o10)", "(-1 and o10)", "(- -1 and o10)", "(~1 and o10)", "(1 + 2 and o10)",
      "(1.5 * 2 and o10)", "(2^53 and o10)", "(not (1 + 1) or o10)", "(1 // 0 and o10)", "(1 / 0 and o10)",
      "(0/0 and o10)", "(-0.0 and o10)", "(1.5 | 1 and o10)", "('a' .. 'b' and o10)", "(-'2' and o10)",
      "(C and o10)", "(F or o10)", "(not C or o10)", "(S and o10)", "(NIL or o10)", "(C2 and o10)", "(not C2 or o10)",
      "(nil or false or o10)", "((1 > 2) or o10)"} do
    local src = "local o10, k = ... local C <const> = 7 local C2 <const> = C + 1 local F <const> = false "
        .. "local S <const> = 'str' local NIL <const> = nil return function() return "
        .. (op == "call" and e .. "()" or e .. " " .. op .. " k") .. " end"
    print(op, e, pcall(load(src, "=x")(o10, k)))
  end
end
