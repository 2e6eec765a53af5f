-- string.find with plain text and with patterns without special characters
local s = "the quick brown fox jumps over the lazy dog"
print(s:find("the"), s:find("the", 2), s:find("dog"), s:find("cat"), s:find(""))
print(s:find("o", 1, true), s:find("o", 14, true), s:find("", 10, true), s:find("", 44), s:find("", 45))
print(("a.b.c"):find(".", 1, true), ("a.b.c"):find("."), ("a+b"):find("+", 1, true), ("a%b"):find("%", 1, true))
print(("x(y)"):find("(", 1, true), ("x(y)"):find(")"), ("x(y)"):find("y)"), ("[x]"):find("[", 1, true))
print(("aaa"):find("aa"), ("aaa"):find("aa", 2), ("aaa"):find("aa", 3))
print(("abc"):find("b", 1, 1), ("abc"):find("b", 1, false), ("abc"):find("b", 1, nil), ("abc"):find("b", nil, true))
print(string.find(12345, 34), string.find(1.5, ".", 1, true), string.find("a\0b", "\0"), string.find("a\0b", "\0b", 1, true))
