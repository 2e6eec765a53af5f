-- debug.getlocal at a return event: a local whose scope began and ended earlier on the
-- return statement's line is out of scope there (names only: the stale registers past
-- the locals hold values of the reference's own).
local function f(x)
  do local y = 1 end return x
end
local function g(x)
  local z = 2; do local y = 1; z = y end return x + z
end
local function h(a, b)
  local c = a; if c then local d = b; c = d end; do local e = 3 end return c, a
end
local function k()
  local p <const> = 10; do local q = p end; for i = 1, 2 do local r = i end return p
end
local names = {}
debug.sethook(function(ev)
  local info = debug.getinfo(2, "n")
  local nm = info.name
  if nm == "f" or nm == "g" or nm == "h" or nm == "k" then
    local t = {}
    for i = 1, 3 do
      local n = debug.getlocal(2, i)
      if not n then break end
      t[#t + 1] = n
    end
    names[#names + 1] = ev .. " " .. nm .. ": " .. table.concat(t, " ")
  end
end, "r")
f(5); g(7); h(1, 2); k()
debug.sethook()
for _, l in ipairs(names) do print(l) end
