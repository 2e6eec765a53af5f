-- package.config: directory separator, path separator, mark, exec dir, ignore mark
local lines = {}
for l in package.config:gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
print(#lines)
for i, l in ipairs(lines) do print(i, l) end
print(#package.config)
