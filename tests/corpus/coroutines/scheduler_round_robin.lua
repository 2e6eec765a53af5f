-- a tiny cooperative scheduler
local tasks = {}
local function spawn(name, n)
  tasks[#tasks + 1] = {name = name, co = coroutine.create(function()
    for i = 1, n do
      print(name, "step", i)
      coroutine.yield()
    end
    return name .. " finished"
  end)}
end
spawn("A", 3)
spawn("B", 1)
spawn("C", 2)
while #tasks > 0 do
  for i = #tasks, 1, -1 do
    local t = tasks[i]
    local ok, msg = coroutine.resume(t.co)
    if coroutine.status(t.co) == "dead" then
      print(msg)
      table.remove(tasks, i)
    end
  end
end
