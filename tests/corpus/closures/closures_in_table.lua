local ops = {}
for _, name in ipairs({"add", "sub", "mul"}) do
  ops[name] = function(a, b)
    if name == "add" then return a + b elseif name == "sub" then return a - b else return a * b end
  end
end
print(ops.add(3, 4), ops.sub(3, 4), ops.mul(3, 4))
