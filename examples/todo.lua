-- A persistent to-do list: each run restores the list, applies one command and saves it.
--
--   ./luahost run examples/todo.lua add "water the plants"
--   ./luahost run examples/todo.lua add "call Ada" high
--   ./luahost run examples/todo.lua done 1
--   ./luahost run examples/todo.lua list
--   ./luahost run examples/todo.lua undo
--   ./luahost run examples/todo.lua clear
--
-- Data lives in globals (the `todo` table); code lives in locals, so the
-- functions below are the ones of the script you run today: change them and
-- the next run uses the new code on the old data.

todo = todo or {items = {}, next_id = 1, history = {}}
todo.runs = (todo.runs or 0) + 1

local PRIORITY = {high = 1, normal = 2, low = 3}

local function find(id)
  for i, item in ipairs(todo.items) do
    if item.id == id then return item, i end
  end
end

local function remember(action, item)
  -- shared references survive a save: the history points at the same item tables as the list
  table.insert(todo.history, {action = action, item = item})
  if #todo.history > 20 then table.remove(todo.history, 1) end
end

local commands = {}

function commands.add(text, priority)
  assert(text and text ~= "", "usage: add TEXT [high|normal|low]")
  priority = priority or "normal"
  assert(PRIORITY[priority], "priority must be high, normal or low")
  local item = {id = todo.next_id, text = text, priority = priority, done = false}
  todo.next_id = todo.next_id + 1
  table.insert(todo.items, item)
  remember("add", item)
  print(("added #%d: %s"):format(item.id, text))
end

function commands.done(id)
  local item = find(tonumber(id)) or error("no item #" .. tostring(id), 0)
  item.done = true
  remember("done", item)
  print(("done #%d: %s"):format(item.id, item.text))
end

function commands.remove(id)
  local item, i = find(tonumber(id))
  if not item then error("no item #" .. tostring(id), 0) end
  table.remove(todo.items, i)
  remember("remove", item)
  print(("removed #%d: %s"):format(item.id, item.text))
end

function commands.undo()
  local last = table.remove(todo.history)
  if not last then print("nothing to undo") return end
  if last.action == "add" then
    local _, i = find(last.item.id)
    if i then table.remove(todo.items, i) end
  elseif last.action == "done" then
    last.item.done = false
  elseif last.action == "remove" then
    table.insert(todo.items, last.item)
  end
  print(("undid %s of #%d"):format(last.action, last.item.id))
end

function commands.clear()
  todo.items, todo.history = {}, {}
  print("cleared")
end

function commands.list()
  local sorted = {}
  for _, item in ipairs(todo.items) do sorted[#sorted + 1] = item end
  table.sort(sorted, function(a, b)
    if a.done ~= b.done then return not a.done end
    if a.priority ~= b.priority then return PRIORITY[a.priority] < PRIORITY[b.priority] end
    return a.id < b.id
  end)
  if #sorted == 0 then print("nothing to do") end
  for _, item in ipairs(sorted) do
    print(("%s #%-3d %-6s %s"):format(item.done and "[x]" or "[ ]", item.id, item.priority, item.text))
  end
  print(("(%d items, run %d)"):format(#todo.items, todo.runs))
end

local cmd = arg[1] or "list"
local f = commands[cmd] or error("unknown command '" .. cmd .. "' (add, done, remove, undo, clear, list)", 0)
f(table.unpack(arg, 2))
