-- os.exit(status, true) closes the state: pending to-be-closed variables of the
-- main thread are closed, innermost first, with a nil error
local function closer(name)
  return setmetatable({}, {__close = function(_, e) print("closing " .. name, e) end})
end
local outer <close> = closer("outer")
local skipped <close> = nil
local function f()
  local inner <close> = closer("inner")
  io.write("buffered output is flushed too\n")
  os.exit(5, true)
end
do
  local done <close> = closer("already closed")
end
f()
print("not reached")
