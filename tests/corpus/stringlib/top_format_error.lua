-- an uncaught format error: message, traceback and exit status
print("before")
local function report(n)
  return string.format("%d items", n)
end
print(report(3))
print(report("many"))
print("not reached")
