local ok, e = xpcall(function() error("inner") end, function(m) return "handled(" .. m .. ")" end)
print(ok, e)
error(e, 0)
