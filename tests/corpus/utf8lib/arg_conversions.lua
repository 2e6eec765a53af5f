-- numbers as strings, strings as numbers
print(utf8.len(12345), utf8.codepoint(7), utf8.offset(123, 2))
print(utf8.char("65", 66.0), utf8.len("abc", "1", "2"), utf8.codepoint("abc", "1", "3"))
print(pcall(utf8.len, "abc", "1.5"))
print(pcall(utf8.offset, "abc", "x"))
print(pcall(utf8.codes))
print(pcall(utf8.codes, {}))
print(pcall(utf8.char, "1e400"))
