-- Standard-library probe (mods/stdprobe.lua): every function of every library with no argument and
-- with each of the 23 probe values (the full matrix with up to 3 arguments is tests/fuzz/probe.sh).
PROBE = {maxargs = 1}
dofile("mods/stdprobe.lua")
