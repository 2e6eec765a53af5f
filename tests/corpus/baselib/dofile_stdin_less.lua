-- dofile/loadfile with a chunk that returns multiple values and uses varargs
local name = "dofile_multi_tmp.lua"
local f = assert(io.open(name, "w"))
f:write("return 1, 2, 3, select('#', ...)\n")
f:close()
print(dofile(name))
print(loadfile(name)("a", "b"))
os.remove(name)
