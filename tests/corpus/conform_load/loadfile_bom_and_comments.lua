-- loadfile/dofile skip a UTF-8 byte-order mark and a first line starting with '#';
-- load (strings) skips neither; a broken mark is an error at its first byte
local name = "loadfile_bom_tmp.txt"
local function try(content)
  local f = assert(io.open(name, "wb")) f:write(content) f:close()
  local fn, err = loadfile(name)
  if fn then print("ok", pcall(fn)) else print("error", err) end
end
try("\239\187\191return 'bom'")
try("\239\187\191#!shebang\nreturn 'bom+shebang', debug.getinfo(1, 'l').currentline")
try("\239\187\191")
try("\239\187\191\239\187\191return 1")
try("\239\187return 2")
try("\239return 3")
try("\239")
try("\239\187")
try("#comment only")
try("#comment\n\239\187\191return 4")
try(" #space first\nreturn 5")
try("#!x\n" .. string.dump(function() return "binary after shebang" end))
try("\239\187\191" .. string.dump(function() return "binary after BOM" end))
local f = assert(io.open(name, "wb")) f:write("\239\187\191return ...") f:close()
print(dofile(name))
print(pcall(dofile, name))
print(load("\239\187\191return 1"))
print(load("#x\nreturn 1"))
os.remove(name)
