-- utf8.codes iteration
for p, c in utf8.codes("héllo") do io.write(p, ":", c, " ") end print()
for p, c in utf8.codes("日本語😀") do io.write(p, ":", c, " ") end print()
for p, c in utf8.codes("") do io.write("never") end print("empty done")
for p, c in utf8.codes(12.5) do io.write(p, ":", c, " ") end print()
local f, s, i = utf8.codes("abc")
print(type(f), s, i)
print(f(s, i))
print(f(s, 1))
print(f(s, 3))
print(f(s, 10))
print(f(s, -1))
local n = 0
for _ in utf8.codes(string.rep("é", 500)) do n = n + 1 end
print(n)
