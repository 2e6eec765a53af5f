-- in-order traversal of a binary tree with a recursive generator
local function insert(node, v)
  if node == nil then return {v = v} end
  if v < node.v then node.l = insert(node.l, v) else node.r = insert(node.r, v) end
  return node
end
local root
for _, v in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 65, 10}) do root = insert(root, v) end
local function walk(node, depth)
  if node == nil then return end
  walk(node.l, depth + 1)
  coroutine.yield(node.v, depth)
  walk(node.r, depth + 1)
end
for v, d in coroutine.wrap(function() walk(root, 0) end) do
  io.write(v, "@", d, " ")
end
print()
