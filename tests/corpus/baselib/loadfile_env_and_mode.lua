local name = "loadfile_env_tmp.lua"
local fh = assert(io.open(name, "w"))
fh:write("return who\n")
fh:close()
print(loadfile(name, "t", {who = "env table"})())
print(loadfile(name, "bt", {who = "bt mode"})())
print(loadfile(name, "b"))
who = "global"
print(loadfile(name)())
os.remove(name)
