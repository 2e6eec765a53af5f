-- a directory counts as readable for searchpath (fopen of a directory succeeds)
print(package.searchpath("mods", "./?"))
print(package.searchpath("mods.sub", "./?"))
package.path = "./?"
print(pcall(require, "mods"))
