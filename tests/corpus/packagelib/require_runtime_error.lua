-- errors raised while a module runs propagate as they are
local ok, err = pcall(require, "mods.runtime_error")
print(ok, err)
print(package.loaded["mods.runtime_error"])
ok, err = pcall(require, "mods.error_table")
print(ok, type(err), err.code)
print(package.loaded["mods.error_table"])
