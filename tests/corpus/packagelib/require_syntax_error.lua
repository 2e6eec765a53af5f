-- a module that does not compile
local ok, err = pcall(require, "mods.syntax_error")
print(ok)
print(err)
print(package.loaded["mods.syntax_error"])
