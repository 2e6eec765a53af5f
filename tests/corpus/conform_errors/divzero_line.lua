-- Integer division and modulo by zero: which line lua5.4 (5.4.4) names. The reference raises
-- these errors without saving the current instruction first, so the position is that of an
-- earlier instruction (here the line of 'function'); found by the random program generator.
local s = 1
print(pcall(function()
  local x = 1
  return s % 0
end))
print(pcall(function()
  local z = 0
  return s // z
end))
print(pcall(function() local t = s
  local y = 2
  return t // (false and 1 or 0)
end))
