local rooms = {
  hall = {desc = "a dusty hall", exits = {north = "library", east = "kitchen"}},
  library = {desc = "a quiet library", exits = {south = "hall"}, item = "key"},
  kitchen = {desc = "a cold kitchen", exits = {west = "hall", down = "cellar"}, locked = "down"},
  cellar = {desc = "a dark cellar", exits = {up = "kitchen"}, item = "treasure"},
}
local state = {room = "hall", inventory = {}, moves = 0}
local function has(item) for _, v in ipairs(state.inventory) do if v == item then return true end end return false end
local handlers = {}
function handlers.look()
  local r = rooms[state.room]
  local exits = {}
  for dir in pairs(r.exits) do exits[#exits + 1] = dir end
  table.sort(exits)
  return "You are in " .. r.desc .. ". Exits: " .. table.concat(exits, ", ") .. (r.item and (". You see a " .. r.item) or "")
end
function handlers.go(dir)
  local r = rooms[state.room]
  local target = r.exits[dir]
  if not target then return "You can't go " .. tostring(dir) end
  if r.locked == dir and not has("key") then return "The way " .. dir .. " is locked" end
  state.room = target
  state.moves = state.moves + 1
  return handlers.look()
end
function handlers.take()
  local r = rooms[state.room]
  if not r.item then return "Nothing here" end
  state.inventory[#state.inventory + 1] = r.item
  local msg = "Taken: " .. r.item
  r.item = nil
  return msg
end
function handlers.inventory() return "Carrying: " .. (#state.inventory > 0 and table.concat(state.inventory, ", ") or "nothing") end
local script = {"look", "go east", "go down", "go west", "go north", "take", "take", "go south", "go east", "go down", "take", "inventory", "dance"}
for _, line in ipairs(script) do
  local verb, arg = line:match("^(%a+)%s*(%a*)$")
  local h = handlers[verb]
  print("> " .. line)
  print(h and h(arg ~= "" and arg or nil) or "I don't understand '" .. verb .. "'")
end
print("moves", state.moves, "won", has("treasure"))
