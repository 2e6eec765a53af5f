-- str_find.lua: string.find / string.match / string.gmatch with captures.
-- Stresses: plain find, pattern find with init positions, match with multiple
-- captures and position captures, gmatch iteration, anchored patterns.
-- Size parameter (arg[1]): number of passes over the records.
local N = tonumber(arg and arg[1]) or 170
local M = 2147483647

-- Deterministic "log lines".
local levels = { "INFO", "WARN", "ERROR", "DEBUG" }
local lines = {}
local seed = 7
for i = 1, 2000 do
  seed = (seed * 16807) % 2147483647
  lines[i] = string.format("2024-%02d-%02d %02d:%02d:%02d [%s] user=%s%d id=%d msg=\"%s\"",
    seed % 12 + 1, seed % 28 + 1, seed % 24, seed % 60, (seed * 7) % 60,
    levels[seed % 4 + 1], "u", seed % 997, seed % 100000,
    ("x"):rep(seed % 17) .. " done")
end
local blob = table.concat(lines, "\n")

local acc = 0
for r = 1, N do
  for i = 1, #lines do
    local line = lines[i]
    local y, mo, d, h, mi, s, lvl = line:match("^(%d+)%-(%d+)%-(%d+) (%d+):(%d+):(%d+) %[(%u+)%]")
    local user, uid = line:match("user=(%a+)(%d+)")
    local p1, p2, id = line:find("id=(%d+)", 20)
    local q = line:find("done", 1, true)
    local msgpos, msg = line:match("()msg=\"([^\"]*)\"")
    if lvl == "ERROR" then acc = acc + 3 end
    acc = acc + tonumber(mo) + tonumber(d) + tonumber(mi) + #user + tonumber(uid) % 10
        + p1 + p2 + #id + q + msgpos + #msg
  end
  -- gmatch over the whole blob once per pass
  local c = 0
  for k, v in blob:gmatch("(%a+)=(%w+)") do c = c + #k + #v end
  acc = (acc + c) % M
end
print(string.format("str_find checksum %d", acc))
