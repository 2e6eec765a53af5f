-- Inside a hook, debug.getlocal lists a frame's slots past its active locals as "(temporary)",
-- with what they hold (a dead local's last value), as lua5.4 lists the registers of a hooked
-- frame (issue 12, conformance repro D7). lua5.4 lists its registers (at least 2) and one
-- more; luahost's registers are its slots, so only functions whose expressions need no
-- register past their locals are counted here, and only the names of the first entries past
-- the active locals are printed (lua5.4 has stale values of its own there), but for a dead
-- local's slot.
local f = load([[
local A = 10
local B, C = A + 1, 2
do local D = B * 2
  A = D end
local E = function() return A end
return A + B + E()]], "=chunk")
debug.sethook(function(e, l)
  if debug.getinfo(2, "S").source ~= "=chunk" then return end
  local out = {}
  for i = 1, 20 do
    local n, v = debug.getlocal(2, i)
    if not n then break end
    if n == "(temporary)" then out[#out + 1] = n break end
    out[#out + 1] = n .. "=" .. (type(v) == "function" and "function" or tostring(v))
  end
  print("line " .. l .. ":", table.concat(out, " "))
end, "l")
print(f())
debug.sethook()

-- a dead local's slot keeps its last value
local d = load("local A = 1\ndo local D = A * 22 end\nreturn A", "=dead")
debug.sethook(function(e, l)
  if debug.getinfo(2, "S").source == "=dead" and l == 3 then print(debug.getlocal(2, 2)) end
end, "l")
print(d())
debug.sethook()

-- how many entries a hooked frame lists
local function f0() return end
local function f1(a) return a end
local function f5(a, b, c, d, e) return a end
local function f3(a) local b, c = a, a return c end
debug.sethook(function(e, l)
  local fn = debug.getinfo(2, "f").func
  if fn == f0 or fn == f1 or fn == f5 or fn == f3 then
    local k = 0
    while debug.getlocal(2, k + 1) do k = k + 1 end
    print(l, k)
  end
end, "l")
f0() f1(1) f5(1, 2, 3, 4, 5) f3(1)
debug.sethook()

-- setlocal on such a slot names it and stores the value there
local g = load("local x = 1\nlocal y = 2\nreturn x + y", "=g")
debug.sethook(function(e, l)
  if debug.getinfo(2, "S").source == "=g" and l == 1 then
    print(debug.setlocal(2, 1, 5), debug.getlocal(2, 1))
  end
end, "l")
print(g())
debug.sethook()

-- the repro: a new local's slot at the line event of its declaration
local h = load("local A = 10\nreturn A", "=chunk2")
debug.sethook(function(e, l)
  if debug.getinfo(2, "S").source == "=chunk2" and l == 1 then
    print("at line 1, local #1 is:", (debug.getlocal(2, 1)))
  end
end, "l")
h()
debug.sethook()
