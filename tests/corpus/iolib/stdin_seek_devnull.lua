-- io.stdin:seek on /dev/null (the corpus's stdin): the device ignores seeks and ftell answers 0,
-- whatever position was asked for (issue 12, conformance repro I2).
print(io.stdin:seek("set", 6))
print(io.stdin:seek("cur"))
print(io.stdin:seek("cur", 4))
print(io.stdin:seek("end"))
print(io.read("a"), io.read("l"))
print(io.stdin:seek("set"))
