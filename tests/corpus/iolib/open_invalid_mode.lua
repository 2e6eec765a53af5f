-- modes must match [rwa]%+?b*
local name = "open_invalid_mode.tmp"
for _, mode in ipairs({"", "x", "rw", "r+b+", "rb+", "br", "r++", "wt", "a+x", " r", "r "}) do
  print(string.format("%q", mode), pcall(io.open, name, mode))
end
for _, mode in ipairs({"rbb", "r+bbb", "wbbbb"}) do
  local f, err = io.open(name, mode)
  print(mode, io.type(f), err)
  if f then f:close() end
end
os.remove(name)
print(pcall(io.open))
print(pcall(io.open, {}))
print(pcall(io.open, name, {}))
