print("\65\066\0677")
local s = "\0\1\9\10\255"
print(#s, s:byte(1, -1))
print("\1234" == "{4", #"\1234")
print("a\0b" == "a\0b", #"a\0b", ("a\0b"):byte(2))
print("\97\98\99")
