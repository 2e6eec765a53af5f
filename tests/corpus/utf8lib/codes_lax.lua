-- utf8.codes in lax mode
for p, c in utf8.codes("\u{D800}\u{DFFF}\u{110000}\u{7FFFFFFF}", true) do io.write(p, ":", c, " ") end print()
print(pcall(function() for p, c in utf8.codes("\u{D800}") do end end))
print(pcall(function() for p, c in utf8.codes("\u{110000}", false) do end end))
for p, c in utf8.codes("ok", 1) do io.write(p, ":", c, " ") end print()
