local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({first = 0, last = -1, items = {}}, Deque) end
function Deque:push_back(v) self.last = self.last + 1 self.items[self.last] = v end
function Deque:push_front(v) self.first = self.first - 1 self.items[self.first] = v end
function Deque:pop_front()
  if self.first > self.last then return nil, "empty" end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Deque:pop_back()
  if self.first > self.last then return nil, "empty" end
  local v = self.items[self.last]
  self.items[self.last] = nil
  self.last = self.last - 1
  return v
end
function Deque:size() return self.last - self.first + 1 end
local q = Deque.new()
for i = 1, 5 do q:push_back(i) end
q:push_front(0)
print(q:size(), q:pop_front(), q:pop_back(), q:size())
local out = {}
while q:size() > 0 do out[#out + 1] = q:pop_front() end
print(table.concat(out, " "))
print(q:pop_front())
-- simulate a round-robin scheduler
local tasks = Deque.new()
for _, name in ipairs({"A", "B", "C"}) do tasks:push_back({name = name, work = #name + (name:byte() - 64)}) end
local log = {}
while tasks:size() > 0 do
  local t = tasks:pop_front()
  t.work = t.work - 1
  log[#log + 1] = t.name
  if t.work > 0 then tasks:push_back(t) end
end
print(table.concat(log))
