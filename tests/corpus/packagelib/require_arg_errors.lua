-- require's argument must be a string (numbers are converted)
print(pcall(require))
print(pcall(require, {}))
print(pcall(require, nil))
print(pcall(require, true))
package.preload["42"] = function(name) return "module " .. name end
print(require(42))
print(pcall(function() return require() end))
