-- Field reads, stores and method calls by constant key at hot sites (compiled
-- after enough iterations): the per-site caches must follow removed keys,
-- resized tables, objects built in different orders, rawset on a class,
-- metatable changes, __index/__newindex functions and keep next's order.

local Base = {}
Base.__index = Base
function Base.new(x, y) return setmetatable({x = x, y = y}, Base) end
function Base:sum() return self.x + self.y end
Base.kind = "base"

local Other = setmetatable({}, {__index = Base})
Other.__index = Other
function Other:sum() return self.x * 100 + self.y end

local log = {}
local function out(...) log[#log + 1] = table.concat({...}, " ") end

-- reads and method calls; the class changes under a hot site
local total = 0
local objs = {}
for i = 1, 40 do
  local o
  if i % 3 == 0 then o = setmetatable({y = i, x = i}, Base)   -- another insertion order
  elseif i % 5 == 0 then o = setmetatable({x = i, y = i, pad1 = 1, pad2 = 2, pad3 = 3, pad4 = 4}, Other)
  else o = Base.new(i, i) end
  objs[i] = o
end
for round = 1, 300 do
  if round == 100 then rawset(Base, "sum", function(self) return self.x - self.y + 1 end) end
  if round == 150 then objs[7].x = nil end                     -- removed: inherits Base.x
  if round == 140 then Base.x = 1000 end
  if round == 200 then setmetatable(objs[8], Other) end
  if round == 220 then for k = 1, 20 do objs[9]["k" .. k] = k end end   -- resize
  if round == 240 then getmetatable(Other).__index = function(t, k) return k == "kind" and "fn" or Base[k] end end
  if round == 250 then Other.sum = nil end                    -- through the __index function now
  for i = 1, #objs do
    local o = objs[i]
    total = total + o:sum() + o.y
    if o.kind == "fn" then total = total + 1 end
  end
  if round % 50 == 0 or round == 101 or round == 141 or round == 251 then out("round", round, total) end
end

-- stores: existing fields in place, a removed field through __newindex
local seen = {}
local P = {__newindex = function(t, k, v) seen[#seen + 1] = k; rawset(t, k, v * 2) end}
local ps = {}
for i = 1, 10 do ps[i] = setmetatable({a = 0, b = 0}, P) end
for round = 1, 400 do
  if round == 200 then ps[3].a = nil end
  if round == 300 then ps[4].b = nil; ps[4].a = nil end
  for i = 1, #ps do
    local p = ps[i]
    p.a = (p.a or 0) + 1
    p.b = round
  end
end
for i = 1, #ps do out("p", i, ps[i].a, ps[i].b) end
out("newindex", table.concat(seen, ","))

-- traversal order is the table's own, whatever the sites did
local t = {}
for i = 1, 2000 do
  t.alpha = i; t.beta = i * 2
  if i == 1000 then t.gamma = 0 end
  if i == 1500 then t.alpha = nil end
end
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. v end
table.sort(keys)
out("keys", table.concat(keys, " "))

-- globals read at a hot site while other globals come and go
G1 = 1
local g = 0
for i = 1, 3000 do
  if i == 1000 then for k = 1, 50 do _G["glob" .. k] = k end end
  if i == 2000 then G1 = nil; setmetatable(_G, {__index = function(_, k) return k == "G1" and 7 or nil end}) end
  g = g + (G1 or 0)
end
setmetatable(_G, nil)
out("globals", g)

for _, l in ipairs(log) do print(l) end
