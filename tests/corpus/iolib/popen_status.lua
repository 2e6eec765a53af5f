-- io.popen(...):close() results (conformance I1): exit codes and deaths by signal told apart
print(io.popen("kill -s HUP $$"):close())
print(io.popen("kill -s KILL $$"):close())
print(io.popen("kill -s TERM $$", "w"):close())
print(io.popen("exit 3"):close())
print(io.popen("exit 129"):close())
print(io.popen("true"):close())
-- a reader closed early: the writer dies by SIGPIPE
local f = io.popen("yes")
print(f:read("l"))
print(f:close())
local w = io.popen("cat; exit 7", "w")
w:write("to cat\n")
print(w:close())
