local function sum(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s, select('#', ...) end
print(xpcall(sum, print, 1, 2, 3))
print(xpcall(sum, print))
print(xpcall(function(...) return ... end, print, nil, "b", nil))
print(xpcall(function(a) return a.x end, function(m) return "caught " .. m end, nil))
print(xpcall(string.rep, function(m) return "H " .. m end, "ab", 3, "-"))
print(xpcall(string.rep, function(m) return "H " .. m end))
