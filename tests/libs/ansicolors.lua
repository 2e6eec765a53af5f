-- debian: lua-ansicolors
-- ansicolors (Debian lua-ansicolors, Lua 5.1 folder): every key, nesting, noReset, unknown keys.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("ansicolors")
local colors = require("ansicolors")
local function vis(s) return (s:gsub("\27", "<ESC>")) end
for _, k in ipairs { "reset", "bright", "dim", "underline", "blink", "reverse", "hidden", "black", "red", "green",
                     "yellow", "blue", "magenta", "cyan", "white", "blackbg", "redbg", "greenbg", "yellowbg",
                     "bluebg", "magentabg", "cyanbg", "whitebg" } do
  print(k, vis(colors("%{" .. k .. "}" .. k)))
end
print(vis(colors("%{bright red underline}alert%{reset} plain %{green}ok")))
print(vis(colors.noReset("%{blue}no reset")))
print(vis(colors(42)), vis(colors(nil)), vis(colors("")))
print(vis(colors("no codes at all, 100% plain {braces}")))
S.check("unknown", colors, "%{purple}x")
S.check("unknown noReset", colors.noReset, "%{bright nope}x")
local parts = {}
for i = 1, 20 do parts[#parts + 1] = "%{" .. (i % 2 == 0 and "red" or "bluebg") .. "}" .. i end
print(vis(colors(table.concat(parts, " "))))
