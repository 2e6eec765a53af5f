-- the registry holds the loaded-modules table and other library state
local r = debug.getregistry()
print(type(r))
print(r._LOADED == package.loaded)
print(type(r._PRELOAD))
print(r._IO_input == io.stdin, r._IO_output == io.stdout)
print(r["FILE*"] == getmetatable(io.stdout))
print(debug.getregistry() == r)
