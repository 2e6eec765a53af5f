-- a generic for with next/ipairs/pairs calls its iterator as a function (call and
-- return events), and leaving the loop (exhausted or by break) runs the code on
-- the line of its 'end' (the reference's OP_CLOSE of the loop's closing value)
local ev = {}
local function hook(e, l) ev[#ev + 1] = (e == "line" and l or e:sub(1, 1)) end
local function run(name, f) ev = {}; debug.sethook(hook, "lcr"); f(); debug.sethook(); print(name, table.concat(ev, " ")) end
run("pairs", function()
  for k, v in pairs({1}) do
    local x = v
  end
end)
run("next", function()
  for k, v in next, {1} do
    local x = v
  end
end)
run("ipairs", function()
  for k, v in ipairs({1, 2}) do
    local x = v
  end
end)
local function it(s, c) if c < 1 then return c + 1 end end
run("luaiter", function()
  for k in it, nil, 0 do
    local x = k
  end
end)
run("gmatch", function()
  for w in ("a"):gmatch(".") do
    local x = w
  end
end)
run("break", function()
  for k, v in ipairs({1, 2, 3}) do
    if v == 2 then break end
  end
  local y = 1
end)
run("nested", function()
  for i = 1, 2 do
    for k in pairs({i}) do
    end
  end
end)
ev = {}
debug.sethook(hook, "l")
for k, v in pairs({1}) do local x = v end
debug.sethook()
print("one line", table.concat(ev, " "))
