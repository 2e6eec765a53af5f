local M = {}
M.loads = (M.loads or 0) + 1
M.args = {...}
function M.hello(n) return "hello " .. n end
return M
