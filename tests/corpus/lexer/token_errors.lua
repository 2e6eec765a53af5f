local cases = {"x = @", "x = $", "x = 1 ! 2", "x = `a`", "x = 'a' \\ 'b'", "x = ?", "x = a ~ = b", "a = = 1", "x = 3 | | 4"}
for i, src in ipairs(cases) do print(i, load(src)) end
