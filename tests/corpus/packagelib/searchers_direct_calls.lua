-- calling the standard searchers directly
local s = package.searchers
print(s[1]("nothing"))
package.preload.yes = print
print(s[1]("yes") == print, select(2, s[1]("yes")))
local f, file = s[2]("mods.simple")
print(type(f), file)
print(f("a", "b").args[1])
print(s[2]("mods.none"))
print(select("#", s[4]("nodot")))
print(pcall(s[1]))
print(pcall(s[2], {}))
local ok, err = pcall(s[2], "mods.syntax_error")
print(ok, err)
