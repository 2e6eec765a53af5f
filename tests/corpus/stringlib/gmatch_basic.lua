-- gmatch: words, pairs, captures, position captures
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end print()
for w in string.gmatch("one two  three\tfour", "%S+") do io.write("[", w, "]") end print()
for p in string.gmatch("abc", "()") do io.write(p, " ") end print()
for a, b in string.gmatch("abcd", "()(.)") do io.write(a, b, " ") end print()
for n in ("1,22,,333"):gmatch("[^,]*") do io.write("<", n, ">") end print()
for x in ("xyz"):gmatch("") do io.write("|", x) end print("|")
for x in ("aaa"):gmatch("a*") do io.write("(", x, ")") end print()
for x in ("abc"):gmatch("x*") do io.write("(", x, ")") end print()
local it = ("a b"):gmatch("%a")
print(it(), it(), it(), it())
print(type(string.gmatch("", "")))
local count = 0
for _ in string.gmatch(string.rep("ab", 1000), "ab") do count = count + 1 end
print(count)
