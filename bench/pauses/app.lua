-- bench/serve-pauses.sh: the serve script. ping for the 100 pinged sessions; the attacks of
-- docs/hardening-hunt-13.md whose large transient allocations paused every session.
function ping() return 'pong' end
-- 100 string.gsub over a 1 MB string (each result is a fresh 1 MB string, garbage at once)
function gsubs() local s = ('a'):rep(1 << 20) local n = 0
  for i = 1, 100 do local r, k = s:gsub('a', 'b') n = n + k end return n end
-- 20 MB of log messages of 1 KB, over the output budget: dropped, but built
function logs() local piece = ('x'):rep(1000)
  for i = 1, 20000 do host.log('info', piece .. i) end return true end
-- three 55 MB strings in a row (session 12's case), within the 64 MB limit
function bigstrings() for i = 1, 3 do local s = ('x'):rep(55 * 1000 * 1000) end return true end
-- a CPU-heavy turn up to its budget (the CPU budget error ends it)
function spin() local n = 0 while true do n = n + 1 end end
-- sends without pause: 100,000 messages of 1 KB to a sink session of its own (which keeps nothing)
function sends() local piece = ('x'):rep(1000) local to = 'sink.' .. host.id()
  for i = 1, 100000 do pcall(host.send, to, piece) end return true end
function on_message() end
host.export{ping = ping, gsubs = gsubs, logs = logs, bigstrings = bigstrings, spin = spin, sends = sends}
