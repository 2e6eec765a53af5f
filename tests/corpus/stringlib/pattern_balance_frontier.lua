-- %b and %f
print(("f(a(b)c)d"):match("%b()"), ("f(a(b)c)d"):match("%b)("), ("if [x] then [y]"):gsub("%b[]", "<>"))
print(("((("):match("%b()"), ("())"):match("%b()"), ("<<a>b>"):match("%b<>"), ("xx"):match("%bxx"))
print(("{a}{b}{c}"):gsub("%b{}", function(s) return s:upper() end))
print(("THE (quick) fox"):find("%f[%a]%a+"), ("THE (quick) fox"):match("%f[%l]%a+"))
local words = {}
for w in ("the cat sat on the mat, thereby"):gmatch("%f[%w]the%f[%W]") do words[#words + 1] = w end
print(#words)
print(("hello"):find("%f[%l]"), ("hello"):find("%f[%L]"), ("hello"):find("%f[%z]"), (""):find("%f[%z]"))
print(("aXb"):gsub("%f[%u]", "|"), ("  x  "):gsub("%f[%S]", "["), ("  x  "):gsub("%f[%s]", "]"))
print(("1 22 333"):gsub("%f[%d]%d+%f[%D]", "#"))
print(pcall(string.find, "abc", "%b"))
print(pcall(string.find, "abc", "%ba"))
print(pcall(string.find, "abc", "%f"))
print(pcall(string.find, "abc", "%fa"))
print(pcall(string.find, "abc", "%f[a"))
