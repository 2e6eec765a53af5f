-- a key removed during a traversal and lost in a rehash cannot continue it
-- (float keys: their hashes do not depend on lua5.4's per-run string seed)
local t = {}
for i = 1, 10 do t[i + 0.5] = i end
print(pcall(function()
  for k in pairs(t) do t[k] = nil; t[k + 1000] = 1 end
end))
print(pcall(next, {}, "nokey"))
print(pcall(next, {a = 1}, "b"))
-- clearing fields during a traversal is allowed
local u = {a = 1, b = 2, c = 3, 10, 20}
local n = 0
for k in pairs(u) do u[k] = nil; n = n + 1 end
print(n, next(u))
