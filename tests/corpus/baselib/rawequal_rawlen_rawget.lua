print(rawequal("a", "a"), rawequal({}, {}), rawequal(1, 1.0), rawequal(1, "1"))
print(rawlen({1, 2, nil, 4}) >= 2, rawlen("abc"))
print(rawget(_G, "print") == print, rawget(_G, "nonexistent_name"))
print(rawset({}, "a", 1).a)
