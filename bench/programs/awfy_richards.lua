-- awfy_richards.lua: Martin Richards' operating-system simulation (after the
-- Are-We-Fast-Yet "Richards" description): an idle task, a worker, two handlers
-- and two devices exchanging packets through a scheduler, written as classes
-- with metatables, inheritance through __index and closures as task bodies.
-- Stresses: method calls, polymorphic dispatch, linked lists of records,
-- state bits kept in boolean fields.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 40

local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local NUM_TYPES = 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

-- ------------------------------------------------------------- packets
local Packet = class()
function Packet.new(link, identity, kind)
  local data = {}
  for i = 1, DATA_SIZE do data[i] = 0 end
  return setmetatable({link = link, identity = identity, kind = kind, datum = 1, data = data}, Packet)
end
function Packet:addTo(queue)
  self.link = false
  if not queue then return self end
  local next = queue
  local peek = next.link
  while peek do next = peek; peek = next.link end
  next.link = self
  return queue
end

-- ------------------------------------------------------------- task control blocks
local Tcb = class()
function Tcb.new(link, identity, priority, queue, fn, state)
  local self = setmetatable({link = link, identity = identity, priority = priority,
    queue = queue, fn = fn, state = state,
    packetPending = true, taskWaiting = true, taskHolding = false}, Tcb)
  -- a task starts suspended; with packets already queued it is also runnable
  if not queue then self.packetPending = false end
  return self
end
function Tcb:isHeldOrSuspended()
  return self.taskHolding or (not self.packetPending and self.taskWaiting)
end
function Tcb:isWaitingWithPacket()
  return self.packetPending and self.taskWaiting and not self.taskHolding
end
function Tcb:markAsRunning() self.packetPending = false; self.taskWaiting = false; self.taskHolding = false end
function Tcb:markAsRunnable() self.packetPending = true; self.taskWaiting = false; self.taskHolding = false end
function Tcb:runTask()
  local message
  if self:isWaitingWithPacket() then
    message = self.queue
    self.queue = message.link
    if not self.queue then self:markAsRunning() else self:markAsRunnable() end
  else
    message = false
  end
  return self.fn(message, self.state)
end
function Tcb:checkPriorityAdd(task, packet)
  if not self.queue then
    self.queue = packet
    self.packetPending = true
    if self.priority > task.priority then return self end
  else
    self.queue = packet:addTo(self.queue)
  end
  return task
end

-- ------------------------------------------------------------- task states
local DeviceState = class()
function DeviceState.new() return setmetatable({pending = false}, DeviceState) end
local IdleState = class()
function IdleState.new() return setmetatable({control = 1, count = 10000}, IdleState) end
local HandlerState = class()
function HandlerState.new() return setmetatable({workIn = false, deviceIn = false}, HandlerState) end
function HandlerState:workInAdd(p) self.workIn = p:addTo(self.workIn); return self.workIn end
function HandlerState:deviceInAdd(p) self.deviceIn = p:addTo(self.deviceIn); return self.deviceIn end
local WorkerState = class()
function WorkerState.new() return setmetatable({destination = ID_HANDLER_A, count = 0}, WorkerState) end

-- ------------------------------------------------------------- scheduler
local Scheduler = class()
function Scheduler.new()
  local self = setmetatable({}, Scheduler)
  self.taskList = false
  self.currentTask = false
  self.currentTaskIdentity = 0
  self.taskTable = {}
  for i = 1, NUM_TYPES do self.taskTable[i] = false end
  self.queuePacketCount = 0
  self.holdCount = 0
  self.layout = 0
  return self
end

function Scheduler:createTask(identity, priority, work, fn, state)
  local t = Tcb.new(self.taskList, identity, priority, work, fn, state)
  self.taskList = t
  self.taskTable[identity] = t
end

function Scheduler:findTask(identity)
  local t = self.taskTable[identity]
  if not t then error("findTask failed") end
  return t
end

function Scheduler:holdSelf()
  self.holdCount = self.holdCount + 1
  local t = self.currentTask
  t.taskHolding = true
  return t.link
end

function Scheduler:release(identity)
  local t = self:findTask(identity)
  t.taskHolding = false
  if t.priority > self.currentTask.priority then return t end
  return self.currentTask
end

function Scheduler:sleep()
  self.currentTask.taskWaiting = true
  return self.currentTask
end

function Scheduler:awaitPacket()
  self.currentTask.taskWaiting = true
  return self.currentTask
end

function Scheduler:queuePacket(packet)
  local t = self:findTask(packet.identity)
  self.queuePacketCount = self.queuePacketCount + 1
  packet.link = false
  packet.identity = self.currentTaskIdentity
  return t:checkPriorityAdd(self.currentTask, packet)
end

function Scheduler:createDevice(identity, priority, work)
  local sched = self
  self:createTask(identity, priority, work, function(packet, state)
    if not packet then
      local p = state.pending
      if not p then return sched:awaitPacket() end
      state.pending = false
      return sched:queuePacket(p)
    end
    state.pending = packet
    return sched:holdSelf()
  end, DeviceState.new())
end

function Scheduler:createHandler(identity, priority, work)
  local sched = self
  self:createTask(identity, priority, work, function(packet, state)
    if packet then
      if packet.kind == KIND_WORK then state:workInAdd(packet) else state:deviceInAdd(packet) end
    end
    local workPacket = state.workIn
    if workPacket then
      local count = workPacket.datum
      if count > DATA_SIZE then
        state.workIn = workPacket.link
        return sched:queuePacket(workPacket)
      end
      local devicePacket = state.deviceIn
      if devicePacket then
        state.deviceIn = devicePacket.link
        devicePacket.datum = workPacket.data[count]
        workPacket.datum = count + 1
        return sched:queuePacket(devicePacket)
      end
    end
    return sched:awaitPacket()
  end, HandlerState.new())
end

function Scheduler:createIdler(identity, priority, work)
  local sched = self
  self:createTask(identity, priority, work, function(_, state)
    state.count = state.count - 1
    if state.count == 0 then return sched:holdSelf() end
    if state.control % 2 == 0 then
      state.control = math.floor(state.control / 2)
      return sched:release(ID_DEVICE_A)
    end
    state.control = math.floor(state.control / 2)
    -- xor with 0xD008 on the bits shifted out, done arithmetically
    local c, m, r, bit = state.control, 0xD008, 0, 1
    while c > 0 or m > 0 do
      local a, b = c % 2, m % 2
      if a ~= b then r = r + bit end
      c = math.floor(c / 2); m = math.floor(m / 2); bit = bit * 2
    end
    state.control = r
    return sched:release(ID_DEVICE_B)
  end, IdleState.new())
  self.taskList:markAsRunning()
end

function Scheduler:createWorker(identity, priority, work)
  local sched = self
  self:createTask(identity, priority, work, function(packet, state)
    if not packet then return sched:awaitPacket() end
    if state.destination == ID_HANDLER_A then state.destination = ID_HANDLER_B
    else state.destination = ID_HANDLER_A end
    packet.identity = state.destination
    packet.datum = 1
    for i = 1, DATA_SIZE do
      state.count = state.count + 1
      if state.count > 26 then state.count = 1 end
      packet.data[i] = 64 + state.count
    end
    return sched:queuePacket(packet)
  end, WorkerState.new())
end

function Scheduler:schedule()
  self.currentTask = self.taskList
  while self.currentTask do
    local t = self.currentTask
    if t:isHeldOrSuspended() then
      self.currentTask = t.link
    else
      self.currentTaskIdentity = t.identity
      self.currentTask = t:runTask()
    end
  end
end

local function run()
  local s = Scheduler.new()
  s:createIdler(ID_IDLE, 0, false)
  local q = Packet.new(false, ID_WORKER, KIND_WORK)
  q = Packet.new(q, ID_WORKER, KIND_WORK)
  s:createWorker(ID_WORKER, 1000, q)
  q = Packet.new(false, ID_DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_A, KIND_DEVICE)
  s:createHandler(ID_HANDLER_A, 2000, q)
  q = Packet.new(false, ID_DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_B, KIND_DEVICE)
  s:createHandler(ID_HANDLER_B, 3000, q)
  s:createDevice(ID_DEVICE_A, 4000, false)
  s:createDevice(ID_DEVICE_B, 5000, false)
  s:schedule()
  return s.queuePacketCount, s.holdCount
end

local qs, hs = 0, 0
for _ = 1, N do
  local qc, hc = run()
  qs, hs = qs + qc, hs + hc
end
print("queued", qs, "held", hs)
