-- errors in the name part of 'function a.b.c() ... end' are reported at the
-- line of 'function', not at its 'end'
a = {}
local function define()
  function a.x.y ()
    return 1
  end
end
local function define2(t)
  function t.x
    ()
    return 1
  end
end
local function define3(t)
  function t.p.q:m ()
    return 1
  end
end
for _ = 1, 1200 do pcall(define); pcall(define2, nil); pcall(define3, {p = {q = 1}}) end
print(pcall(define))
print(pcall(define2, nil))
print(pcall(define3, {p = {q = 1}}))
print(pcall(define3, {p = {q = setmetatable({}, {__newindex = function(_, k) error("no " .. k) end})}}))
function a.x.y ()
  return 1
end
