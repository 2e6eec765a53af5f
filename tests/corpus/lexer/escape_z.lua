local s = "abc\z
           def\z   ghi"
print(s, #s)
local t = "x\z

      y"
print(t)
local u = "trail\z"
print(u, #u)
