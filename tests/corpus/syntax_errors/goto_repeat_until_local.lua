-- the 'until' condition sees the locals of the body, so a label just before
-- 'until' is still inside their scope
print(load([[
repeat
  if x then goto cont end
  local y = 1
  ::cont::
until y
]]))
print(load([[
repeat
  if x then goto cont end
  ::cont::
  local y = 1
until y
]]) ~= nil)
