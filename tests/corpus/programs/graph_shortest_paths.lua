local edges = {
  {"A", "B", 4}, {"A", "C", 2}, {"B", "C", 5}, {"B", "D", 10},
  {"C", "E", 3}, {"E", "D", 4}, {"D", "F", 11}, {"E", "F", 20},
}
local graph = {}
local nodes = {}
for _, e in ipairs(edges) do
  local a, b, w = e[1], e[2], e[3]
  graph[a] = graph[a] or {}
  graph[b] = graph[b] or {}
  graph[a][#graph[a] + 1] = {to = b, w = w}
  graph[b][#graph[b] + 1] = {to = a, w = w}
end
for n in pairs(graph) do nodes[#nodes + 1] = n end
table.sort(nodes)
local function dijkstra(src)
  local dist, prev, done = {[src] = 0}, {}, {}
  while true do
    local best
    for _, n in ipairs(nodes) do
      if not done[n] and dist[n] and (not best or dist[n] < dist[best]) then best = n end
    end
    if not best then break end
    done[best] = true
    for _, e in ipairs(graph[best]) do
      local nd = dist[best] + e.w
      if not dist[e.to] or nd < dist[e.to] then dist[e.to] = nd prev[e.to] = best end
    end
  end
  return dist, prev
end
local dist, prev = dijkstra("A")
for _, n in ipairs(nodes) do
  local path, cur = {}, n
  while cur do table.insert(path, 1, cur) cur = prev[cur] end
  print(n, dist[n], table.concat(path, "->"))
end
local function bfs(src)
  local order, seen, queue, head = {}, {[src] = true}, {src}, 1
  while queue[head] do
    local n = queue[head] head = head + 1
    order[#order + 1] = n
    local nb = {}
    for _, e in ipairs(graph[n]) do nb[#nb + 1] = e.to end
    table.sort(nb)
    for _, m in ipairs(nb) do if not seen[m] then seen[m] = true queue[#queue + 1] = m end end
  end
  return table.concat(order, " ")
end
print("bfs", bfs("A"))
print("bfs", bfs("F"))
