-- package.path and package.cpath must be strings (numbers are converted)
package.path = nil
print(pcall(require, "zzz"))
package.path = 5
print(pcall(require, "zzz"))
package.path = "./?.lua"
package.cpath = {}
print(pcall(require, "zzz"))
package.cpath = ""
print(pcall(require, "zzz"))
