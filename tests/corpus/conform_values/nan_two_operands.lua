-- The sign of the NaN an arithmetic operator gives when both operands are NaNs of different signs
-- (found by the random program generator). lua5.4 on x86-64 keeps the second operand's NaN for +
-- and the first one's for -, *, /, %, // and ^ (the operand order of the machine instructions gcc
-- chose); luahost follows the same rule explicitly (runtime.Numbers) on every path of both tiers.
local p, n = -(0/0), 0/0          -- "nan" and "-nan"
print(p, n)
print("+", p + n, n + p)
print("-", p - n, n - p)
print("*", p * n, n * p)
print("/", p / n, n / p)
print("%", p % n, n % p)
print("//", p // n, n // p)
print("^", p ^ n, n ^ p)
local function mk(c) return function(d) c = c + (d or 1) return c end end
local inc = mk(p)
print("upvalue +", inc(), inc(n))
for i = 1, 3 do print("loop", p * n, n * p, p + n, n + p) end
