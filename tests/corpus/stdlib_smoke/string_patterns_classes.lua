local s = "Hello, World! 123 _x\t\n"
for _, cls in ipairs({"%a", "%d", "%l", "%u", "%s", "%p", "%w", "%x", "%c", "%A", "%S"}) do
  local n = select(2, s:gsub(cls, ""))
  io.write(cls, "=", n, " ")
end
print()
print(("aaa"):match("a-"), ("aaa"):match("a-$"), ("aaa"):match("a*"), ("aaa"):match("a+"), ("aaa"):match("a?"))
print(("[]"):match("[%[%]]+"), ("a-b"):match("[a%-]+"), ("^x"):match("[%^x]+"))
print(("abc"):match("[^b]+"), ("hello"):match("[h-l]+"))
print(("x"):rep(5):match("^(x-)x$"))
