-- scheduler.lua: a Richards-like operating-system simulation.
-- Stresses: classes built with metatables and __index inheritance (two levels),
-- method calls with self, linked lists of records (packets, task queue), field
-- reads/writes, polymorphic dispatch on the task kind, boolean state flags.
-- Size parameter (arg[1]): number of scheduler runs.
local RUNS = tonumber(arg and arg[1]) or 80
local M = 2147483647

local Packet = {}
Packet.__index = Packet

function Packet.new(link, id, kind)
  local data = {}
  for i = 1, 4 do data[i] = 0 end
  return setmetatable({link = link, id = id, kind = kind, a1 = 0, data = data}, Packet)
end

function Packet:append(queue)
  self.link = nil
  if queue == nil then return self end
  local p = queue
  while p.link ~= nil do p = p.link end
  p.link = self
  return queue
end

-- the base class of all tasks
local Task = {}
Task.__index = Task

function Task.init(self, sched, id, pri, queue)
  self.sched = sched
  self.id = id
  self.pri = pri
  self.queue = queue
  self.waiting = queue == nil
  self.held = false
  self.link = sched.list
  sched.list = self
  sched.tasks[id] = self
  return self
end

function Task:runnable() return not self.held and not self.waiting end

function Task:addPacket(p, old)
  if self.queue == nil then
    self.queue = p
    self.waiting = false
    if self.pri > old.pri then return self end
  else
    self.queue = p:append(self.queue)
  end
  return old
end

function Task:take()
  local p = self.queue
  self.queue = p.link
  return p
end

local function class(parent)
  local c = setmetatable({}, {__index = parent})
  c.__index = c
  return c
end

local IdleTask = class(Task)
function IdleTask.new(sched, id, pri, count)
  local t = Task.init(setmetatable({}, IdleTask), sched, id, pri, nil)
  t.waiting = false
  t.v1, t.count = 1, count
  return t
end
function IdleTask:step(p)
  self.count = self.count - 1
  if self.count == 0 then return self.sched:holdSelf() end
  if self.v1 % 2 == 0 then
    self.v1 = math.floor(self.v1 / 2)
    return self.sched:release(5)
  end
  self.v1 = (math.floor(self.v1 / 2) + 0xD008) % 65536
  return self.sched:release(6)
end

local WorkTask = class(Task)
function WorkTask.new(sched, id, pri, queue)
  local t = Task.init(setmetatable({}, WorkTask), sched, id, pri, queue)
  t.dest, t.count = 3, 0
  return t
end
function WorkTask:step(p)
  if p == nil then return self.sched:wait() end
  self.dest = self.dest == 3 and 4 or 3
  p.id = self.dest
  p.a1 = 0
  for i = 1, 4 do
    self.count = self.count + 1
    if self.count > 26 then self.count = 1 end
    p.data[i] = 64 + self.count
  end
  return self.sched:queue(p)
end

local HandlerTask = class(Task)
function HandlerTask.new(sched, id, pri, queue)
  local t = Task.init(setmetatable({}, HandlerTask), sched, id, pri, queue)
  t.work, t.dev = nil, nil
  return t
end
function HandlerTask:step(p)
  if p ~= nil then
    if p.kind == "work" then self.work = p:append(self.work)
    else self.dev = p:append(self.dev) end
  end
  if self.work ~= nil then
    local w = self.work
    local i = w.a1 + 1
    if i > 4 then
      self.work = w.link
      return self.sched:queue(w)
    end
    if self.dev ~= nil then
      local d = self.dev
      self.dev = d.link
      d.a1 = w.data[i]
      w.a1 = i
      return self.sched:queue(d)
    end
  end
  return self.sched:wait()
end

local DeviceTask = class(Task)
function DeviceTask.new(sched, id, pri, queue)
  local t = Task.init(setmetatable({}, DeviceTask), sched, id, pri, queue)
  t.pending = nil
  return t
end
function DeviceTask:step(p)
  if p == nil then
    local v = self.pending
    if v == nil then return self.sched:wait() end
    self.pending = nil
    return self.sched:queue(v)
  end
  self.pending = p
  self.sched.output = (self.sched.output * 33 + p.a1) % M
  return self.sched:holdSelf()
end

local Scheduler = {}
Scheduler.__index = Scheduler

function Scheduler.new()
  return setmetatable({list = nil, tasks = {}, current = nil, queued = 0, holds = 0, output = 0}, Scheduler)
end

function Scheduler:release(id)
  local t = self.tasks[id]
  t.held = false
  if t.pri > self.current.pri then return t end
  return self.current
end

function Scheduler:holdSelf()
  self.holds = self.holds + 1
  self.current.held = true
  return self.current.link
end

function Scheduler:wait()
  local t = self.current
  if t.queue == nil then t.waiting = true end
  return t
end

function Scheduler:queue(p)
  local t = self.tasks[p.id]
  self.queued = self.queued + 1
  p.link = nil
  p.id = self.current.id
  return t:addPacket(p, self.current)
end

function Scheduler:run()
  local t = self.list
  while t ~= nil do
    if t:runnable() then
      self.current = t
      local p = nil
      if t.queue ~= nil then p = t:take() end
      t = t:step(p)
    else
      t = t.link
    end
  end
end

local function simulate(count)
  local s = Scheduler.new()
  IdleTask.new(s, 1, 0, count)
  local q = Packet.new(nil, 2, "work")
  q = Packet.new(q, 2, "work")
  WorkTask.new(s, 2, 1000, q)
  q = Packet.new(nil, 5, "device")
  q = Packet.new(q, 5, "device")
  q = Packet.new(q, 5, "device")
  HandlerTask.new(s, 3, 2000, q)
  q = Packet.new(nil, 6, "device")
  q = Packet.new(q, 6, "device")
  q = Packet.new(q, 6, "device")
  HandlerTask.new(s, 4, 3000, q)
  DeviceTask.new(s, 5, 4000, nil)
  DeviceTask.new(s, 6, 5000, nil)
  s:run()
  return s.queued, s.holds, s.output
end

local acc = 0
for r = 1, RUNS do
  local queued, holds, out = simulate(10000 + r)
  acc = (acc * 17 + queued * 3 + holds + out) % M
end
print(string.format("scheduler: %d runs, checksum %d", RUNS, acc))
