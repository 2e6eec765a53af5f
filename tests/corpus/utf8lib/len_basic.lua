-- utf8.len
print(utf8.len(""), utf8.len("abc"), utf8.len("héllo"), utf8.len("日本語"), utf8.len("😀😀"))
print(utf8.len("héllo", 3), utf8.len("héllo", 4), utf8.len("héllo", -1), utf8.len("héllo", -2))
print(utf8.len("abc", 4), utf8.len("abc", 2, 1), utf8.len("abc", 1, -5), utf8.len("abc", 1, -4))
print(utf8.len("héllo", 1, 2), utf8.len("héllo", 1, 3), utf8.len("héllo", 2, 2))
print(utf8.len(123), utf8.len(1.5), utf8.len("abc", "2"), utf8.len("abc", 2.0))
print(utf8.len("\0\0\0"), utf8.len(string.rep("é", 1000)), utf8.len(string.rep("a", 100000)))
