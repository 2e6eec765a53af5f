-- Standard-library probe (mods/stdprobe.lua): every function of every library with a fixed sample of
-- 20 triples of probe values (tests/fuzz/probe.sh runs 200 per function).
PROBE = {minargs = 3, maxargs = 3, sample = 20}
dofile("mods/stdprobe.lua")
