-- os.time() is the current time, which changes between runs: check properties only.
local now = os.time()
print(math.type(now), now > 1600000000)
print(os.time(nil) >= now)
local d = os.date("*t", now)
print(math.abs(os.time(d) - now) <= 1)
print(os.difftime(os.time(), now) >= 0)
