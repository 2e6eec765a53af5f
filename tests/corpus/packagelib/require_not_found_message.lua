-- the error lists every place searched, in searcher order
local ok, err = pcall(require, "no.such.module")
print(ok)
print(err)
ok, err = pcall(require, "nomod")
print(err)
