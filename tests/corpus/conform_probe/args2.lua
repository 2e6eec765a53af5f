-- Standard-library probe (mods/stdprobe.lua): every function of every library with a fixed sample of
-- 20 pairs of probe values (tests/fuzz/probe.sh runs all 529 pairs).
PROBE = {minargs = 2, maxargs = 2, sample = 20}
dofile("mods/stdprobe.lua")
