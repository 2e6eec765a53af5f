local function rec(n) if n == 0 then return "done" end return rec(n - 1) end
print(rec(5))
local ok, err = pcall(function()
  local notrec = function(n) if n == 0 then return "done" end return notrec(n - 1) end
  return notrec(3)
end)
print(ok, err)
