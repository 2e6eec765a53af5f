-- leaving a generic for early closes the file io.lines opened (its 4th value)
local name = "lines_break_closes.tmp"
local f = assert(io.open(name, "w"))
f:write("1\n2\n3\n")
f:close()
local captured
do
  local it, s, c, file = io.lines(name)
  captured = file
  for l in it, s, c, file do
    print("got", l)
    if l == "2" then break end
  end
end
print(io.type(captured))
-- a loop with the returned values directly
for l, _ in io.lines(name) do if l == "1" then break end end
-- an error inside the loop closes it too
local ok, err = pcall(function()
  for l in io.lines(name) do error("stop at " .. l) end
end)
print(ok, err)
os.remove(name)
