-- The "got a non-closable value" check runs on the line of the local statement's last token
-- (after its expression list), as lua5.4's TBC instruction does.
local function try(f) print(select(2, pcall(f))) end
try(function()
  local a, b <close>, c = 1,
    42,
    3
end)
try(function()
  local x <close> = (
    "s"
  )
end)
try(function()
  local y <close>
    = {}
end)
try(function()
  local z <close> = [[
long
string]]
end)
try(function()
  local w <close> = nil
  local u <close> = false
  local v <close>
    = 1 + 1
end)
