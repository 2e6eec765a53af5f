local function f() error("no position info", 0) end
f()
