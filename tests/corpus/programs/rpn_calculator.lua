local ops = {
  ["+"] = function(a, b) return a + b end, ["-"] = function(a, b) return a - b end,
  ["*"] = function(a, b) return a * b end, ["/"] = function(a, b) return a / b end,
  ["^"] = function(a, b) return a ^ b end, ["%"] = function(a, b) return a % b end,
}
local function rpn(expr)
  local stack = {}
  for tok in expr:gmatch("%S+") do
    if ops[tok] then
      if #stack < 2 then error("stack underflow at '" .. tok .. "'", 0) end
      local b = table.remove(stack)
      local a = table.remove(stack)
      stack[#stack + 1] = ops[tok](a, b)
    elseif tok == "dup" then stack[#stack + 1] = stack[#stack]
    elseif tok == "swap" then stack[#stack], stack[#stack - 1] = stack[#stack - 1], stack[#stack]
    else
      local n = tonumber(tok)
      if not n then error("bad token '" .. tok .. "'", 0) end
      stack[#stack + 1] = n
    end
  end
  if #stack ~= 1 then error("expected one result, stack has " .. #stack, 0) end
  return stack[1]
end
for _, e in ipairs({"3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^", "10 3 /", "10 3 %", "7 dup *", "1 2 swap -", "1 +", "1 2", "2 x *", "0x10 1 +"}) do
  print(e, pcall(rpn, e))
end
