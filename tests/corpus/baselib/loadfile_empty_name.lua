-- An empty file name is a file that does not exist (fopen("") fails with ENOENT), not the working
-- folder (found by the standard-library probe, tests/fuzz/probe.sh).
print(loadfile(""))
print(pcall(dofile, ""))
print(io.open(""))
print(pcall(io.lines, ""))
print(loadfile("", "t", {}))
