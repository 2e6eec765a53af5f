-- io.popen read stream (conformance I3): reading goes on until every process holding the pipe closed it,
-- not only until the shell exits
local f = io.popen("(sleep 1; echo late) & echo early")
io.write(f:read("a"))
print(f:close())
f = io.popen("(sleep 1; echo one; sleep 0; echo two) & exit 2")
for l in f:lines() do print(l) end
print(f:close())
