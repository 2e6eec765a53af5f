-- The registry's predefined slots (conform_suite b_debug): [1] is the main
-- thread (LUA_RIDX_MAINTHREAD), [2] the global table (LUA_RIDX_GLOBALS).
local reg = debug.getregistry()
print(type(reg[1]), reg[1] == coroutine.running(), coroutine.status(reg[1]))
print(reg[2] == _G, rawequal(reg[2], _ENV))
local co = coroutine.create(function()
  local r = debug.getregistry()
  return r[1] ~= coroutine.running(), coroutine.status(r[1]), r[2] == _G
end)
print(coroutine.resume(co))
print(type(reg._LOADED), reg._LOADED._G == _G, type(reg._PRELOAD))
