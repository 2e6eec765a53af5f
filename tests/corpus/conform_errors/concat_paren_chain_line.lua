-- A '..' whose right operand is a '..' in parentheses is one CONCAT in lua5.4 (a chain of
-- three values), and a chain spread over lines is on its last operator's line: errors,
-- __concat's caller line and line hook events (found by the random-program hunt, seed 20261256 #339).
local s, n = "x", nil
print(pcall(function() return n .. ([==[
abc]==] .. s) end))
print(pcall(function() return n .. (
 "abc" .. s) end))
print(pcall(function() return n ..
 "abc" ..
 s end))
print(pcall(function() return (n .. ([==[
abc]==] .. s)) end))
print(pcall(function() return n .. (("abc"
 .. s)) end))
print(pcall(function() return (n .. "a") .. ("abc"
 .. s) end))
print(pcall(function() return "a" .. (n .. "a") .. ("abc"
 .. s) end))
print(pcall(function() return ("a" ..
 s) .. n end))
-- (the caller's line through error level 2: lua5.4.4 loses the result of a __concat that
-- calls a function while the chain is an argument list's last value)
local t = setmetatable({}, {__concat = function(a, b) error("cat", 2) end})
print(pcall(function() return "a" .. (t
 .. "b") end))
print(pcall(function() return ("a" ..
 t) .. "b" end))
print(pcall(function() return "a" .. ((("b" ..
 "c")) ..
 t) end))
local lines = {}
local function trace()
  debug.sethook(function(_, l) lines[#lines + 1] = l end, "l")
  local r = "p" ..
    ("q" ..
     s) ..
    "r"
  debug.sethook()
  return r
end
print(trace(), table.concat(lines, " "))
