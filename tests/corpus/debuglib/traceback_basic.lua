-- debug.traceback: message handling and the default level
local function f()
  return debug.traceback("message")
end
print(f())
print(debug.traceback("top level"))
print(debug.traceback())
print(debug.traceback(nil))
print(debug.traceback(42))
print(debug.traceback(1.5, 1))
local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(true), debug.traceback(false))
print(select("#", debug.traceback(nil, 1)))
print(debug.traceback("", 1))
print(pcall(debug.traceback, "m", "x"))
print(pcall(debug.traceback, "m", 1.5))
