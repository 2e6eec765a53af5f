-- Automatic collections follow the reference's pacing (issue 12, G1b): with a small live set,
-- generational mode (the standalone's) collects every minor-multiplier percent of the live data,
-- incremental mode every (pause - 100) percent, so a weak cache holds few dead entries and the
-- memory in use stays near the live data.
local function cache_run(n, m)
  local cache = setmetatable({}, {__mode = "v"})
  for i = 1, n do cache[i % m .. "/" .. i] = {i} end
  local live = 0
  for _ in pairs(cache) do live = live + 1 end
  return live, collectgarbage("count")
end

-- cycles: a finalizer that re-creates its object counts them
local function cycles_per(n)
  local cycles, on = 0, true
  local function sentinel()
    setmetatable({}, {__gc = function() if on then cycles = cycles + 1; sentinel() end end})
  end
  sentinel()
  for _ = 1, n do local x = {} end
  on = false
  return cycles
end

for _, v in ipairs{{300000, 1000}, {300000, 10}, {100000, 7}} do
  local live, kb = cache_run(v[1], v[2])
  print("generational", v[1], v[2], "entries < 100:", live < 100, "count < 200 KB:", kb < 200)
end
print("generational cycles over 400,000 tables > 1500:", cycles_per(400000) > 1500)

collectgarbage("incremental")
for _, v in ipairs{{300000, 1000}, {300000, 10}} do
  local live, kb = cache_run(v[1], v[2])
  print("incremental", v[1], v[2], "entries < 1000:", live < 1000, "count < 300 KB:", kb < 300)
end
local c = cycles_per(400000)
print("incremental cycles over 400,000 tables in 300..3000:", c > 300 and c < 3000)
collectgarbage("incremental", 400)
c = cycles_per(400000)
print("pause 400: cycles in 100..1000:", c > 100 and c < 1000)
collectgarbage("generational")
-- a larger live set: collections come less often
local keep = {}
for i = 1, 20000 do keep[i] = {} end
collectgarbage()
c = cycles_per(400000)
print("generational, 20,000 live tables: cycles in 20..400:", c > 20 and c < 400)
