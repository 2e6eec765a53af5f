local M = {sub = {deep = {}}}
function M.f(x) return "M.f " .. x end
function M.sub.g(x) return "M.sub.g " .. x end
function M.sub.deep:h(x) return "h " .. tostring(self == M.sub.deep) .. " " .. x end
print(M.f(1), M.sub.g(2), M.sub.deep:h(3))
print(M.sub.deep.h(M.sub.deep, 4))
function globalfn() return "global" end
print(globalfn(), type(_G.globalfn))
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print("fact", fact(10))
local g = function(...) return select('#', ...) end
print("anon", g(nil, nil))
local h = function() end
print("no return", h(), select('#', h()))
