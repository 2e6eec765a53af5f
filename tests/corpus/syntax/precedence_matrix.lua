-- for every pair of binary operators compute "A op1 B op2 C" via load
local ops = {"or", "and", "<", ">", "<=", ">=", "~=", "==", "|", "~", "&", "<<", ">>", "..", "+", "-", "*", "/", "//", "%", "^"}
local A, B, C = "7", "3", "2"
for _, o1 in ipairs(ops) do
  for _, o2 in ipairs(ops) do
    local src = "return " .. A .. " " .. o1 .. " " .. B .. " " .. o2 .. " " .. C
    local f = assert(load(src))
    local ok, r = pcall(f)
    if ok then
      io.write(o1, " ", o2, " = ", tostring(r), "\n")
    else
      io.write(o1, " ", o2, " ! ", (tostring(r):gsub("^.-:%d+: ", "")), "\n")
    end
  end
end
