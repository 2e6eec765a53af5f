-- os.setlocale: only the C locale (and its aliases) exists
print(os.setlocale(), os.setlocale("C"), os.setlocale("POSIX"), os.setlocale("fr_FR"), os.setlocale("xx_YY.UTF-8"))
print(os.setlocale(nil, "numeric"), os.setlocale("C", "time"), os.setlocale("C", "all"), os.setlocale("C", "collate"))
print(os.setlocale("C", "ctype"), os.setlocale("C", "monetary"), os.setlocale(nil, nil))
print(os.setlocale(""))
print(pcall(os.setlocale, "C", "bogus"))
print(pcall(os.setlocale, {}))
print(pcall(os.setlocale, "C", 5))
