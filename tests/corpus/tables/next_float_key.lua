-- next with a float key that has an integer value fails in lua5.4 (5.4.4), whether the table holds
-- that key as an integer in its array or hash part or not at all: it looks the key up as a float.
-- A float key without an integer value is found (found by the conformance probes of issue 12).
print(pcall(next, {10, 20}, 1.0))
print(pcall(next, {[100] = 1}, 100.0))
print(pcall(next, {}, 0.0))
print(pcall(next, {}, -0.0))
print(pcall(next, {[2^53] = 1}, 2^53))
print(next({10, 20}, 1))
print(next({[1.5] = "x"}, 1.5))
print(next({[2^63] = "big"}, 2^63))
print(pcall(next, {}, 1/0))
local t = {}
t[3.0] = "three"
print(next(t), math.type(next(t)))
