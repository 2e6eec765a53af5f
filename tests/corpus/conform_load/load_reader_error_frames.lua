-- load with a reader that raises an error returns nil and the error, and
-- leaves no call frame behind (line numbers and depth stay right).
local function depth()
  local n = 0
  while debug.getinfo(n + 1, "l") do n = n + 1 end
  return n
end
local base = depth()
local function try()
  local pieces = 0
  return load(function()
    pieces = pieces + 1
    if pieces == 2 then error("oops") end
    return "return 1"
  end)
end
-- run under pcall: the standalone interpreter's message handler would
-- otherwise also apply to the reader's error
local function main()
local base = depth()
for i = 1, 3000 do
  local f, msg = try()
  assert(f == nil and msg:find("oops"), i)
  assert(depth() == base, "depth after " .. i)
end
print(try())
print(select("#", load(function() error({}) end)), type(select(2, load(function() error({}) end))))
print(load(function() error() end))
print(debug.getinfo(1, "l").currentline, depth() == base)
end
print(pcall(main))
print(debug.getinfo(1, "l").currentline, depth() == base)
local function id(x) return x end
print(pcall(id, "still working"))
error("reported here")
