-- on an error, <close> variables are closed after the stack unwinds to the
-- protected call that catches it: the handler's caller is pcall
local function who(tag)
  return setmetatable({}, {__close = function(_, err)
    local i = debug.getinfo(2, "Sn")
    print(tag, i.what, i.name, err)
  end})
end
local function f()
  local x <close> = who("x")
  local y <close> = who("y")
  error(43)
end
print(pcall(f))
local function g() local z <close> = who("z"); f() end
print(pcall(g))
print(xpcall(g, function(m) return "handled " .. m end))
-- a generic for's closing value
local function iter() error("in iterator") end
print(pcall(function()
  for _ in iter, nil, nil, who("for") do end
end))
-- no error: closed where the block ends
do local w <close> = who("w") end
-- inside a coroutine, caught by a pcall of the coroutine
local co = coroutine.wrap(function() print(pcall(f)) return "co done" end)
print(co())
-- the error of a __close handler replaces the original one
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, e) error("close: " .. tostring(e), 0) end})
  error("first", 0)
end))
