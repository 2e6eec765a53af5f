-- times whose year does not fit C's int are errors
print(pcall(os.date, "!%Y", 2^60))
print(pcall(os.date, "%Y", -2^60))
print(pcall(os.date, "!%Y", math.maxinteger))
print(pcall(os.date, "!%Y", math.mininteger))
print(type(os.date("!*t", -67768040609740800)))
print(pcall(os.date, "!*t", -67768040609740801))
print(os.date("!*t", 67767976233532799).year)
print(os.date("!%Y-%m-%d", 253402300800), os.date("!%F", -62135596800))
