-- the iterator call of a generic for is attributed to the line where the
-- expression list starts (errors and tracebacks)
local function bad(n)
  for k, v in
    n
  do
  end
end
local function bad2(t)
  for k
    in t
       .f
  do end
end
local function tb()
  return nil
end
local function withtb()
  for _ in
    function() print((debug.traceback("tb", 1):gsub("\n[^\n]*%[C%][^\n]*", ""))); return nil end
  do end
end
for _ = 1, 1200 do pcall(bad, 3); pcall(bad2, {f = 1}) end
print(pcall(bad, 3))
print(pcall(bad2, {f = {}}))
withtb()
for k, v in
  3
do
end
