-- Runs every snippet of cases.lua through load() and prints, one per line,
-- "<chunkname>\t<source>\t<outcome>" with bytes outside printable ASCII (and
-- '\' and tab) written as \xHH or \\. The outcome is "OK" or the error message
-- (without the traceback lua.c's message handler appends to "C stack overflow").
-- load is called from a Lua function, so 2 C calls are active in the reference.
local function esc(s)
  local out = {}
  for i = 1, #s do
    local b = s:byte(i)
    if b == 92 then out[#out + 1] = "\\\\"
    elseif b < 32 or b > 126 then out[#out + 1] = string.format("\\x%02X", b)
    else out[#out + 1] = string.char(b) end
  end
  return table.concat(out)
end
local cases = dofile(arg[1])
for _, case in ipairs(cases) do
  local src, name = case, "=input"
  if type(case) == "table" then src, name = case[1], case[2] end
  local f, err = load(src, name)
  local outcome = f and "OK" or err:gsub("\nstack traceback:.*", "")
  print(esc(name) .. "\t" .. esc(src) .. "\t" .. esc(outcome))
end
