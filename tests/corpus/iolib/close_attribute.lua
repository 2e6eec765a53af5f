-- files work as to-be-closed variables
local name = "close_attribute.tmp"
local saved
do
  local f <close> = assert(io.open(name, "w"))
  f:write("written in a block")
  saved = f
end
print(io.type(saved))
do
  local f <close> = assert(io.open(name))
  print(f:read("a"))
  f:close()
end
local ok, err = pcall(function()
  local g <close> = assert(io.open(name))
  saved = g
  error("inside")
end)
print(ok, err, io.type(saved))
os.remove(name)
