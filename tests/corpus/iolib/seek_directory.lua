-- f:seek on a directory opened for reading: lseek's answer, which depends on the file
-- system (ext2/3/4: the largest offset, proc: 0, tmpfs: "Invalid argument"), never the
-- directory's size; reading it fails with "Is a directory"
local f = assert(io.open("."))
local pos, err, code = f:seek("end")
print(pos == math.maxinteger or pos == 0 or (pos == nil and code == 22))
if pos == math.maxinteger then
  print(f:seek("cur") == math.maxinteger, f:seek("end", -10) == math.maxinteger - 10)
else
  print(true, true)
end
print(f:seek("set", 5))
print(f:read(1))
print(f:seek("set"))
f:close()
