local s = "hello"
print(type(s.len), s.upper == string.upper)
print(s:len(), ("x"):rep(3))
print(s[1], s.nonexistent)
print(#s, s:byte(1))
