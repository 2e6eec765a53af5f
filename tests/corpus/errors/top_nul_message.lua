-- An uncaught error message with a '\0': the standalone interpreter (and luaL_traceback, hence
-- debug.traceback) treat it as a C string and stop at the '\0' (found by the random program generator).
print((debug.traceback("before\0after", 1):gsub("\0", "<NUL>")))
print(#debug.traceback("x\0y"), #debug.traceback("x"))
print(select(2, xpcall(error, debug.traceback, "in\0xpcall")))
error("final " .. "x\0y")
