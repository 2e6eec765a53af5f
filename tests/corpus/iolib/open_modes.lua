-- every fopen mode: what can be read and written, and where the position starts
local name = "open_modes.tmp"
local function setup(s) local f = assert(io.open(name, "w")) f:write(s) f:close() end
local function content() local f = assert(io.open(name, "rb")) local s = f:read("a") f:close() return s end

setup("hello\n")
for _, mode in ipairs({"r", "rb", "r+", "r+b", "w", "wb", "w+", "w+b", "a", "ab", "a+", "a+b"}) do
  setup("hello\n")
  local f = assert(io.open(name, mode))
  local pos = f:seek("cur")
  local r = {f:read("l")}
  local w = {f:write("X")}
  local wr = io.type(w[1]) or tostring(w[2]) .. " " .. tostring(w[3])
  f:close()
  print(mode, "start", pos, "read", tostring(r[1]), r[2], "write", wr, "now", (content():gsub("\n", "\\n")))
end
os.remove(name)
