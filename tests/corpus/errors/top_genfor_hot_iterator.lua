-- An uncaught error from the iterator of a generic for in a hot (compiled) function: the
-- message's position and the traceback name the iterator and the loop's line.
local function iter(limit, c)
  if c >= limit then
    if limit == 2 then
      local t = nil
      return t.x
    end
    return nil
  end
  return c + 1
end

local function sum(limit)
  local s = 0
  for i in iter, limit,
      0 do
    s = s + i
  end
  return s
end

local total = 0
for r = 1, 1500 do total = total + sum(r < 1500 and 3 or 2) end
print(total)
