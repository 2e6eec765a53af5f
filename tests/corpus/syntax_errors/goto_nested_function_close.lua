-- A nested function's goto without a visible label (or break outside a loop) is an error when
-- the function's body closes, as the reference's one-pass compiler finds it: before any syntax
-- error later in the chunk, and on the line of the token after the function's 'end'.
local srcs = {
  "local f = function() goto x end\nx = = 1",
  "local f = function() goto x end\n\nprint(1)",
  "local f = function() goto x end",
  "do goto x end\nx = = 1",
  "goto x\n\n\n",
  "local function f()\n  for i = 1, 2 do local g = function() break end end\nend",
  "local function f()\n  while true do if x then break end end\n  do goto done end\n  ::done::\nend\nlocal h = function() do ::a:: end goto a end\n\nprint(1)",
  "local f = function() ::a:: ::a:: end",
  "local f = function() goto a; local x; ::a:: print(x) end",
  "return function() goto x end ::x::",
  "local t = {function() break end, 1 + }",
  "local f = function() local g = function() goto y end ::y:: end",
  "local f = function() repeat goto c; local z ::c:: until z end",
}
for _, src in ipairs(srcs) do print(select(2, load(src, "=src"))) end
