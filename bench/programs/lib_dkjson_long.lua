-- lib_dkjson_long.lua: lib_dkjson.lua with about seven and a half times as many rounds
-- (lua5.4 needs ~20 s): a large-code program run long enough for a JIT's
-- warm-up to stop mattering. Runs from the repository root, as compare.sh does.
arg = {30}
dofile("bench/programs/lib_dkjson.lua")
