-- Runs each case of a shapes.lua file under a line hook and prints the lines of its events.
-- usage: lua trace.lua cases.txt
local prelude = "local a, b, c = 1, 2, 0; local t = {1, 2, 3, x = 4}; local o = {m = function(self, ...) return ... end}; "
  .. "local function id(...) return ... end; local function num(x) return tonumber(x) or 0 end; u = 3; G = 5\n"
local src = assert(io.open(arg[1])):read("a")
local n = 0
for case in src:gmatch("(.-)\n%-%-%-%-\n") do
  n = n + 1
  local f, err = load(prelude .. case, "=chunk")
  if not f then print(n, "compile", err) else
    local lines = {}
    debug.sethook(function(e, l)
      if debug.getinfo(2, "S").source == "=chunk" then lines[#lines + 1] = l end
    end, "l")
    local ok, e = pcall(f)
    debug.sethook()
    print(n, ok and "ok" or ("err " .. tostring(e)), table.concat(lines, " "))
  end
end
