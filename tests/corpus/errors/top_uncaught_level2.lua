local function check(v)
  if not v then error("check failed", 2) end
end
local function user()
  check(false)
end
user()
