-- lua5.4 compiles x - k, for a small integer constant k (after constant folding), as x + (-k)
-- (OP_ADDI), so -0.0 - 0 is -0.0 + 0 = 0.0 there; with a variable 0 it is -0.0
-- (found by the random-program hunt, seed 20261301 program 698)
local nz, zero = -0.0, 0
print(nz - 0, nz - (~ -1), nz - zero, nz + 0, nz - 0.0)
print(-0.0 - 0, 1/(nz - 0), 1/(nz - zero))
