-- non-ASCII bytes are not identifier characters in standard Lua
print(load("local caf\xC3\xA9 = 1"))
print(load("return '\xC3\xA9'")() == "\xC3\xA9")
print(load("x\xC3 = 1"))
