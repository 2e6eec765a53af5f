-- Generates multi-line Lua statement shapes for the line-hook comparison (issue 12, D3-D6).
-- usage: lua5.4 shapes.lua SEED COUNT [MAXSTAT] > cases.txt   (cases separated by a line "----"; MAXSTAT statements at most, default 3)
local seed, count, maxstat = tonumber(arg[1]) or 1, tonumber(arg[2]) or 200, tonumber(arg[3]) or 3
math.randomseed(seed)
local R = math.random
local function pick(t) return t[R(#t)] end

local expr
local function atom(d)
  local k = R(12)
  if k == 1 then return {"1"} elseif k == 2 then return {"a"} elseif k == 3 then return {"G"}
  elseif k == 4 then return {"t", ".", "x"} elseif k == 5 then return {"t", "[", "1", "]"}
  elseif k == 6 then return {"'s'"} elseif k == 7 then return {"u"}
  elseif k == 8 then return {"2.5"} elseif k == 9 then return {"true"}
  elseif k == 10 then return {"t", "[", "a", "]"}
  elseif k == 11 then return {"nil"} else return {"b"} end
end
local function cat(...)
  local r = {}
  for _, p in ipairs({...}) do for _, x in ipairs(p) do r[#r + 1] = x end end
  return r
end
local function args(d)
  local n, r = R(0, 3), {}
  for i = 1, n do
    if i > 1 then r[#r + 1] = "," end
    for _, x in ipairs(expr(d + 1)) do r[#r + 1] = x end
  end
  return r
end
function expr(d)
  if d > 3 then return atom(d) end
  local k = R(14)
  if k <= 3 then return atom(d)
  elseif k == 4 then return cat(expr(d + 1), {pick{"+", "-", "*", "//", "%"}}, expr(d + 1))
  elseif k == 5 then return cat({"num", "("}, args(d), {")"})
  elseif k == 6 then return cat({"id", "("}, args(d), {")"})
  elseif k == 7 then return cat({"{"}, args(d), {"}"})
  elseif k == 8 then return cat({"{", "k", "="}, expr(d + 1), {",", "[", "2", "]", "="}, expr(d + 1), {"}"})
  elseif k == 9 then return cat({"("}, expr(d + 1), {")"})
  elseif k == 10 then return cat(expr(d + 1), {pick{"==", "<", "~=", "and", "or"}}, expr(d + 1))
  elseif k == 11 then return cat({pick{"not", "-", "#"}}, expr(d + 1))
  elseif k == 12 then return cat({"tostring", "("}, expr(d + 1), {")"}, {".."}, {"tostring", "("}, expr(d + 1), {")"})
  elseif k == 13 then return cat({"o", ":", "m", "("}, args(d), {")"})
  else return cat({"function", "(", ")", "return"}, expr(d + 1), {"end"}) end
end
local function numexpr(d)
  return cat({"num", "("}, expr(d), {")"})
end
local function stat(d)
  local k = R(13)
  if k == 1 then return cat({"local", "v", "="}, expr(1))
  elseif k == 2 then return cat({"G", "="}, expr(1))
  elseif k == 3 then return cat({"t", ".", "y", "="}, expr(1))
  elseif k == 4 then return cat({"id", "("}, args(1), {")"})
  elseif k == 5 then return cat({"if"}, expr(1), {"then"}, d < 2 and stat(d + 1) or {"a", "=", "1"}, {"else", "b", "=", "2", "end"})
  elseif k == 6 then return cat({"local", "p", ",", "q", "="}, expr(1), {","}, expr(1))
  elseif k == 7 then return cat({"for", "i", "=", "1", ",", "2", "do"}, d < 2 and stat(d + 1) or {"a", "=", "i"}, {"end"})
  elseif k == 8 then return cat({"a", ",", "t", "[", "3", "]", "="}, expr(1), {","}, expr(1))
  elseif k == 9 then return cat({"while", "c", "<", "2", "do", "c", "=", "c", "+", "1"}, d < 2 and stat(d + 1) or {}, {"end"})
  elseif k == 10 then return cat({"do", "local", "w", "="}, expr(1), {"end"})
  elseif k == 11 then return cat({"local", "function", "lf", "(", ")"}, d < 2 and stat(d + 1) or {}, {"end", "lf", "(", ")"})
  elseif k == 12 then return cat({"u", "="}, numexpr(1))
  else return cat({"for", "_", ",", "x", "in", "ipairs", "(", "{", "1", ",", "2", "}", ")", "do"}, d < 2 and stat(d + 1) or {"a", "=", "x"}, {"end"}) end
end
for c = 1, count do
  local toks = {}
  for s = 1, R(1, maxstat) do
    toks = cat(toks, stat(1))
    toks[#toks + 1] = ";"
  end
  local out = {}
  local p = R(2, 6) / 10
  for i, x in ipairs(toks) do
    out[#out + 1] = x
    if i < #toks then out[#out + 1] = R() < p and "\n" or " " end
  end
  if R(3) == 1 then out[#out + 1] = "\nreturn " .. table.concat(expr(2), R(2) == 1 and "\n" or " ") end
  io.write(table.concat(out), "\n----\n")
end
