-- debug.getlocal of a frame making a call lists the locals in scope at that call,
-- even when a block on the same line ended just before it or a local was declared
-- just before it on the same line (lua5.4 counts instructions, not lines)
local function names(level)
  local t = {}
  for n = 1, 10 do
    local name, v = debug.getlocal(level + 1, n)
    if not name then break end
    t[#t + 1] = name .. "=" .. (type(v) == "function" and "function" or tostring(v))
  end
  return table.concat(t, " ")
end
local function f1() local a = 1; do local d = 4 end; return names(1) end
print(f1())
local function f2() local a = 1; do local d = 4 end; print(names(1)) end
f2()
local function f3() local a = 1; for i = 1, 1 do local q = i end; print(names(1)) end
f3()
local function f4() local a = 1; local b = names(1); print(b); local c = 3; print(names(1)) end
f4()
local function f5() local x = 1 if x then local y = 2 end print(names(1)) end
f5()
local function f6()
  local a = 1; do local d = 4 end; return debug.getlocal(1, 2)
end
print(f6())
local function f7() while true do local w = 1; break end; print(names(1)) end
f7()
local function f8(p) local r = p; repeat local z = 1 until names(1) ~= "" or z; print(names(1)) end
f8(7)
