-- awfy_havlak.lua: Havlak's loop-recognition algorithm on a generated control-flow
-- graph (after the Are-We-Fast-Yet "Havlak" description and Hundt's loop-tester:
-- nested diamonds, straight runs and back edges), written with classes for
-- basic blocks, edges, the graph, union-find nodes, loops and the loop-structure
-- graph.
-- Stresses: object allocation, tables used as sets and maps keyed by objects,
-- recursion (depth-first search), method calls, arrays of arrays.
-- Size parameter (arg[1]): number of loop-finding passes over the big graph.
local N = tonumber(arg and arg[1]) or 12

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

-- ------------------------------------------------------------- the graph
local BasicBlock = class()
function BasicBlock.new(name) return setmetatable({name = name, inEdges = {}, outEdges = {}}, BasicBlock) end
function BasicBlock:addOutEdge(to) self.outEdges[#self.outEdges + 1] = to end
function BasicBlock:addInEdge(from) self.inEdges[#self.inEdges + 1] = from end

local ControlFlowGraph = class()
function ControlFlowGraph.new() return setmetatable({blocks = {}, numNodes = 0, startNode = false, edges = {}}, ControlFlowGraph) end
function ControlFlowGraph:createNode(name)
  local node = self.blocks[name + 1]
  if not node then
    node = BasicBlock.new(name)
    self.blocks[name + 1] = node
    self.numNodes = self.numNodes + 1
  end
  if self.numNodes == 1 then self.startNode = node end
  return node
end
function ControlFlowGraph:addEdge(fromName, toName)
  local from, to = self:createNode(fromName), self:createNode(toName)
  from:addOutEdge(to)
  to:addInEdge(from)
  self.edges[#self.edges + 1] = {from, to}
end

-- ------------------------------------------------------------- loops
local SimpleLoop = class()
function SimpleLoop.new(counter, header, isReducible)
  local self = setmetatable({counter = counter, header = header, isReducible = isReducible,
    basicBlocks = {}, children = {}, parent = false, isRoot = false, depthLevel = 0, nestingLevel = 0}, SimpleLoop)
  if header then self.basicBlocks[header] = true end
  return self
end
function SimpleLoop:addNode(bb) self.basicBlocks[bb] = true end
function SimpleLoop:addChildLoop(loop) self.children[#self.children + 1] = loop end
function SimpleLoop:setParent(parent)
  self.parent = parent
  parent:addChildLoop(self)
end
function SimpleLoop:setNestingLevel(level)
  self.nestingLevel = level
  if level == 0 then self.isRoot = true end
end

local LoopStructureGraph = class()
function LoopStructureGraph.new()
  local self = setmetatable({loops = {}, loopCounter = 0}, LoopStructureGraph)
  self.root = SimpleLoop.new(0, false, false)
  self.root:setNestingLevel(0)
  self.loopCounter = 1
  self.loops[1] = self.root
  return self
end
function LoopStructureGraph:createNewLoop(bb, isReducible)
  local loop = SimpleLoop.new(self.loopCounter, bb, isReducible)
  self.loopCounter = self.loopCounter + 1
  self.loops[#self.loops + 1] = loop
  return loop
end
function LoopStructureGraph:calculateNestingLevel()
  for _, loop in ipairs(self.loops) do
    if not loop.isRoot and not loop.parent then loop:setParent(self.root) end
  end
  self:calculateNestingLevelRec(self.root, 0)
end
function LoopStructureGraph:calculateNestingLevelRec(loop, depth)
  loop.depthLevel = depth
  for _, child in ipairs(loop.children) do
    self:calculateNestingLevelRec(child, depth + 1)
    if child.nestingLevel + 1 > loop.nestingLevel then loop:setNestingLevel(child.nestingLevel + 1) end
  end
end
function LoopStructureGraph:numLoops() return #self.loops end

-- ------------------------------------------------------------- union-find
local UnionFindNode = class()
function UnionFindNode.new() return setmetatable({parent = false, bb = false, loop = false, dfsNumber = 0}, UnionFindNode) end
function UnionFindNode:initNode(bb, dfsNumber)
  self.parent = self
  self.bb = bb
  self.dfsNumber = dfsNumber
  self.loop = false
end
function UnionFindNode:findSet()
  local path = {}
  local node = self
  while node ~= node.parent do
    if node.parent ~= node.parent.parent then path[#path + 1] = node end
    node = node.parent
  end
  for i = 1, #path do path[i].parent = node.parent end
  return node
end
function UnionFindNode:union(other) self.parent = other end

-- ------------------------------------------------------------- Havlak's loop finder
local BB_NONHEADER, BB_REDUCIBLE, BB_SELF, BB_IRREDUCIBLE, BB_DEAD = 1, 2, 3, 4, 5
local UNVISITED = -1
local MAX_NON_BACK_PREDS = 32 * 1024

local LoopFinder = class()
function LoopFinder.new(cfg, lsg)
  return setmetatable({cfg = cfg, lsg = lsg, number = {}, nodes = {}, last = {},
                       nonBackPreds = {}, backPreds = {}, header = {}, types = {}}, LoopFinder)
end

function LoopFinder:isAncestor(w, v) return w <= v and v <= self.last[w] end

function LoopFinder:doDFS(block, current)
  self.nodes[current]:initNode(block, current)
  self.number[block] = current
  local lastId = current
  local outs = block.outEdges
  for i = 1, #outs do
    local target = outs[i]
    if self.number[target] == UNVISITED then lastId = self:doDFS(target, lastId + 1) end
  end
  self.last[current] = lastId
  return lastId
end

function LoopFinder:initAll()
  local size = self.cfg.numNodes
  for i = 0, size - 1 do
    self.nodes[i] = UnionFindNode.new()
    self.nonBackPreds[i] = {}
    self.backPreds[i] = {}
  end
  for _, bb in pairs(self.cfg.blocks) do self.number[bb] = UNVISITED end
  self:doDFS(self.cfg.startNode, 0)
end

function LoopFinder:identifyEdges(size)
  local nodes, number, types, header = self.nodes, self.number, self.types, self.header
  for w = 0, size - 1 do
    header[w] = 0
    types[w] = BB_NONHEADER
    local nodeW = nodes[w].bb
    if not nodeW then
      types[w] = BB_DEAD
    else
      for _, nodeV in ipairs(nodeW.inEdges) do
        local v = number[nodeV]
        if v ~= UNVISITED then
          if self:isAncestor(w, v) then
            local bp = self.backPreds[w]
            bp[#bp + 1] = v
          else
            self.nonBackPreds[w][v] = true
          end
        end
      end
    end
  end
end

-- processes the node with DFS number w: collects the nodes of the loop it heads
function LoopFinder:processNode(w)
  local nodes, types = self.nodes, self.types
  local nodeW = nodes[w].bb
  if not nodeW then return true end
  local nodePool, inPool = {}, {}
  for _, v in ipairs(self.backPreds[w]) do
    if v ~= w then
      local s = nodes[v]:findSet()
      if not inPool[s] then nodePool[#nodePool + 1] = s; inPool[s] = true end
    else
      types[w] = BB_SELF
    end
  end
  if #nodePool > 0 then types[w] = BB_REDUCIBLE end
  local work, head = {}, 1
  for i = 1, #nodePool do work[i] = nodePool[i] end
  while head <= #work do
    local x = work[head]
    head = head + 1
    local preds = self.nonBackPreds[x.dfsNumber]
    local count = 0
    for _ in pairs(preds) do count = count + 1 end
    if count > MAX_NON_BACK_PREDS then return false end
    for iter in pairs(preds) do
      local ydash = nodes[iter]:findSet()
      if not self:isAncestor(w, ydash.dfsNumber) then
        types[w] = BB_IRREDUCIBLE
        self.nonBackPreds[w][ydash.dfsNumber] = true
      elseif ydash.dfsNumber ~= w and not inPool[ydash] then
        work[#work + 1] = ydash
        nodePool[#nodePool + 1] = ydash
        inPool[ydash] = true
      end
    end
  end
  if #nodePool > 0 or types[w] == BB_SELF then
    local loop = self.lsg:createNewLoop(nodeW, types[w] ~= BB_IRREDUCIBLE)
    self:setLoopAttributes(w, nodePool, loop)
  end
  return true
end

function LoopFinder:setLoopAttributes(w, nodePool, loop)
  local nodes = self.nodes
  nodes[w].loop = loop
  for _, node in ipairs(nodePool) do
    self.header[node.dfsNumber] = w
    node:union(nodes[w])
    if node.loop then node.loop:setParent(loop) else loop:addNode(node.bb) end
  end
end

function LoopFinder:findLoops()
  if not self.cfg.startNode then return 0 end
  local size = self.cfg.numNodes
  self:initAll()
  self:identifyEdges(size)
  self.header[0] = 0
  for w = size - 1, 0, -1 do
    if not self:processNode(w) then return 0 end
  end
  return self.lsg:numLoops()
end

-- ------------------------------------------------------------- the loop tester
local Tester = class()
function Tester.new() return setmetatable({cfg = ControlFlowGraph.new()}, Tester) end
function Tester:connect(from, to) self.cfg:addEdge(from, to) end
function Tester:diamond(start)
  self:connect(start, start + 1)
  self:connect(start, start + 2)
  self:connect(start + 1, start + 3)
  self:connect(start + 2, start + 3)
  return start + 3
end
function Tester:straight(start, n)
  for i = 0, n - 1 do self:connect(start + i, start + i + 1) end
  return start + n
end
function Tester:baseLoop(from)
  local header = self:straight(from, 1)
  local diamond1 = self:diamond(header)
  local d11 = self:straight(diamond1, 1)
  local diamond2 = self:diamond(d11)
  local footer = self:straight(diamond2, 1)
  self:connect(diamond2, d11)
  self:connect(diamond1, header)
  self:connect(footer, from)
  return self:straight(footer, 1)
end

function Tester:buildBigGraph(trees, perTree, loopsPerStep)
  local cfg = self.cfg
  cfg:createNode(0)
  self:baseLoop(0)
  cfg:createNode(1)
  self:connect(0, 2)
  local n = 2
  for _ = 1, trees do
    cfg:createNode(n + 1)
    self:connect(2, n + 1)
    n = n + 1
    for _ = 1, perTree do
      local top = n
      n = self:straight(n, 1)
      for _ = 1, loopsPerStep do n = self:baseLoop(n) end
      local bottom = self:straight(n, 1)
      self:connect(n, top)
      n = bottom
    end
    self:connect(n, 1)
  end
end

local function findLoops(cfg)
  local lsg = LoopStructureGraph.new()
  local count = LoopFinder.new(cfg, lsg):findLoops()
  lsg:calculateNestingLevel()
  return count, lsg
end

-- many small graphs, then passes over one big graph
local small = 0
for i = 1, 60 do
  local t = Tester.new()
  t.cfg:createNode(0)
  t:baseLoop(0)
  t.cfg:createNode(1)
  t:connect(0, 2)
  small = small + findLoops(t.cfg) + i % 2
end

local tester = Tester.new()
tester:buildBigGraph(8, 12, 10)
local loops, nesting, blocks = 0, 0, 0
for _ = 1, N do
  local count, lsg = findLoops(tester.cfg)
  loops = loops + count
  nesting = nesting + lsg.root.nestingLevel
end
blocks = tester.cfg.numNodes
print("nodes", blocks, "edges", #tester.cfg.edges, "small", small, "loops", loops, "nesting", nesting)
