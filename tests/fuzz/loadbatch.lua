-- lua5.4 tests/fuzz/loadbatch.lua IN OUT: the two sides of the syntax fuzzer (tests/fuzz/README.md,
-- "Malformed sources against lua5.4"). IN holds chunks, each as a line "NAMELEN SRCLEN" followed by
-- the chunk name (NAMELEN bytes; -1: no name, load's default, the source itself) and the source.
-- Each is loaded (text mode) and never run; OUT gets, per chunk, "OK" or "ERR LEN" and the message
-- load returned (or "RAISED LEN" and the error load raised). The same script runs on lua5.4 and on
-- luahost, under pcall so that no message handler adds a traceback to an error raised while parsing.
local inp = assert(io.open(arg[1], "rb"))
local out = assert(io.open(arg[2], "wb"))
local pcall, load, tonumber, match = pcall, load, tonumber, string.match
while true do
  local h = inp:read("l")
  if not h then break end
  local nl, sl = match(h, "^(%-?%d+) (%d+)$")
  nl, sl = tonumber(nl), tonumber(sl)
  local name = nl >= 0 and inp:read(nl) or nil
  local src = inp:read(sl) or ""
  local ok, f, msg
  if name then ok, f, msg = pcall(load, src, name, "t") else ok, f, msg = pcall(load, src) end
  if not ok then
    local m = tostring(f)
    out:write("RAISED ", #m, "\n", m, "\n")
  elseif f then
    out:write("OK\n")
  else
    local m = tostring(msg)
    out:write("ERR ", #m, "\n", m, "\n")
  end
end
out:close()
