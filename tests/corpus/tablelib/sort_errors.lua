-- table.sort: errors from comparisons, comparators and arguments
local function try(...) print(pcall(table.sort, ...)) end
try({3, 1, "x"})
try({3, "1", 2})
try({3, 1, {}})
try({{}, {}})
try({true, false})
try({1, nil, 3, 4, 5})
try({3, 1, 2}, 1)
try({3, 1, 2}, "x")
try({2, 1}, {})
try({}, 1)
try({1}, "x")
try(nil)
try()
try("abc")
try({3, 2, 1}, function() error("boom") end)
print(select(2, pcall(table.sort, {3, 2, 1}, function() error({code = 1}) end)).code)
try({3, 2, 1}, function(a, b) return a.x < b end)
-- partial order left behind by a failing comparison
local t = {5, 4, 3, 2, 1, "x", 0}
print(pcall(table.sort, t))
print(table.concat(t, " ", 1, 5), t[6], t[7])
-- array too big
print(pcall(table.sort, setmetatable({}, {__len = function() return 2^40 end})))
print(pcall(table.sort, setmetatable({}, {__len = function() return math.maxinteger end})))
print(pcall(table.sort, setmetatable({}, {__len = function() return 2.5 end})))
