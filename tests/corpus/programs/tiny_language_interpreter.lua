-- a tiny expression language: let-bindings, arithmetic, if, function calls
local function tokenize(src)
  local toks = {}
  local i = 1
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then local n = src:match("^%d+", i) toks[#toks + 1] = {k = "num", v = tonumber(n)} i = i + #n
    elseif c:match("[%a_]") then local w = src:match("^[%w_]+", i) toks[#toks + 1] = {k = "id", v = w} i = i + #w
    elseif src:sub(i, i + 1) == "=>" or src:sub(i, i + 1):match("^[=<>!]=") then toks[#toks + 1] = {k = "op", v = src:sub(i, i + 1)} i = i + 2
    else toks[#toks + 1] = {k = "op", v = c} i = i + 1 end
  end
  toks[#toks + 1] = {k = "eof"}
  return toks
end
local function parse(toks)
  local p = 1
  local function peek() return toks[p] end
  local function take(v) local t = toks[p] if v and t.v ~= v then error("expected " .. v .. " got " .. tostring(t.v), 0) end p = p + 1 return t end
  local expr
  local function primary()
    local t = take()
    if t.k == "num" then return {"num", t.v} end
    if t.v == "(" then local e = expr() take(")") return e end
    if t.v == "let" then local name = take().v take("=") local v = expr() take("in") return {"let", name, v, expr()} end
    if t.v == "if" then local c = expr() take("then") local a = expr() take("else") return {"if", c, a, expr()} end
    if t.v == "fn" then local param = take().v take("=>") return {"fn", param, expr()} end
    if t.k == "id" then
      local node = {"var", t.v}
      while peek().v == "(" do take("(") local arg = expr() take(")") node = {"call", node, arg} end
      return node
    end
    error("unexpected " .. tostring(t.v), 0)
  end
  local prec = {["=="] = 1, ["<"] = 1, ["+"] = 2, ["-"] = 2, ["*"] = 3, ["/"] = 3}
  local function binary(minp)
    local left = primary()
    while prec[peek().v] and prec[peek().v] >= minp do
      local op = take().v
      left = {"bin", op, left, binary(prec[op] + 1)}
    end
    return left
  end
  expr = function() return binary(1) end
  local e = expr()
  take() -- eof
  return e
end
local function eval(n, env)
  local k = n[1]
  if k == "num" then return n[2]
  elseif k == "var" then local v = env[n[2]] if v == nil then error("unbound " .. n[2], 0) end return v
  elseif k == "let" then local e = setmetatable({}, {__index = env}) e[n[2]] = eval(n[3], e) return eval(n[4], e)
  elseif k == "if" then if eval(n[2], env) ~= 0 then return eval(n[3], env) end return eval(n[4], env)
  elseif k == "fn" then return {param = n[2], body = n[3], env = env}
  elseif k == "call" then
    local f, a = eval(n[2], env), eval(n[3], env)
    local e = setmetatable({[f.param] = a}, {__index = f.env})
    return eval(f.body, e)
  elseif k == "bin" then
    local a, b = eval(n[3], env), eval(n[4], env)
    local op = n[2]
    if op == "+" then return a + b elseif op == "-" then return a - b elseif op == "*" then return a * b
    elseif op == "/" then if b == 0 then error("division by zero", 0) end return a // b
    elseif op == "==" then return a == b and 1 or 0 else return a < b and 1 or 0 end
  end
end
local programs = {
  "1 + 2 * 3",
  "(1 + 2) * 3",
  "let x = 5 in x * x - 1",
  "let f = fn n => n * 2 in f(f(10))",
  "let fact = fn n => if n < 2 then 1 else n * fact(n - 1) in fact(10)",
  "if 3 == 3 then 100 else 200",
  "10 / 0",
  "y + 1",
  "let = 3",
}
for _, src in ipairs(programs) do
  local ok, r = pcall(function() return eval(parse(tokenize(src)), {}) end)
  print(src, "=>", ok and r or ("error: " .. r))
end
