-- how each kind of token is shown after "near" in syntax errors
local toks = {"'a string token'", '"dq"', "[[long\nstring]]", "12.5", "0x10", "1e400", "42",
  "...", "==", "::", "<<", "//", "~=", "end", "nil", "true", "+", "(", "{", "#", ".."}
for _, tok in ipairs(toks) do
  print(load("goto " .. tok))
end
print(load("goto"))
