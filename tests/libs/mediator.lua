-- debian: lua-mediator
-- mediator_lua (Debian lua-mediator): channels, subscribers, priorities, predicates, stopping, removal.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("mediator")
local Mediator = require("mediator")
local m = Mediator()
local log = {}
-- a callback that records its call and lets the publication continue
local function rec(tag) return function(...) log[#log + 1] = tag .. "(" .. table.concat({ ... }, ",") .. ")" return nil, true end end
local function flush(label) print(label, table.concat(log, " ")) log = {} end
local a = m:subscribe({ "news" }, rec("a"))
local b = m:subscribe({ "news" }, rec("b"))
local c = m:subscribe({ "news", "sport" }, rec("c"))
local d = m:subscribe({ "news" }, rec("d"), { priority = 1 })
m:publish({ "news" }, "x", "y")
flush("news")
m:publish({ "news", "sport" }, 1)
flush("sport")
m:publish({ "other" }, 2)
flush("other")
m:subscribe({ "news" }, rec("even"), { predicate = function(n) return n % 2 == 0 end })
for i = 1, 4 do m:publish({ "news" }, i) end
flush("predicate")
m:subscribe({ "news" }, function(v) log[#log + 1] = "stopper(" .. v .. ")" return nil, false end, { priority = 1 })
m:publish({ "news" }, "s")
flush("stopped")
local ch = m:getChannel({ "news" })
print("callbacks", #ch.callbacks, ch.namespace, ch:hasChannel("sport"), ch:hasChannel("none"))
ch:setPriority(b.id, 1)
local order = {}
for i, cb in ipairs(ch.callbacks) do order[i] = cb.id == b.id and "b" or cb.id == a.id and "a" or cb.id == d.id and "d" or "?" end
print("order", table.concat(order, " "))
local sub = m:getSubscriber(c.id, { "news" })
print("found c", sub ~= nil and sub.value == c)
m:removeSubscriber(c.id, { "news" })
print("after remove", m:getSubscriber(c.id, { "news" }) == nil)
c:update({ fn = rec("c2") })
b:update({ fn = rec("b2"), options = { priority = 1 } })
m:publish({ "news" }, "z")
flush("updated")
local ids = {}
for _, x in ipairs { a, b, c, d } do ids[#ids + 1] = type(x.id) end
print("id types", table.concat(ids, " "))
-- results returned from callbacks
local m2 = Mediator()
m2:subscribe({ "calc" }, function(x) return x * 2, true end)
m2:subscribe({ "calc" }, function(x) return x + 1, false end)
m2:subscribe({ "calc" }, function(x) return "never" end)
print("publish returns", S.show(m2:publish({ "calc" }, 5)))
m2:subscribe({ "calc", "sub" }, function(x) return "sub" .. x, true end)
print("publish to parent", S.show(m2:publish({ "calc", "sub" }, 7)))
local chan = m2:getChannel({ "calc", "deep", "er" })
print("deep", chan.namespace, chan.parent.namespace, chan.parent.parent.namespace)
