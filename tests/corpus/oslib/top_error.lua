-- an uncaught error from the os library
print(os.date("!%Y", 0))
print(os.date("%Q"))
