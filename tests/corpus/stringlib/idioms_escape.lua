-- escaping: pattern-escaping user text, URL encoding, HTML escaping, hex dumps
local function escape_pattern(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
local function urlencode(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end)) end
local function urldecode(s) return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)) end
local function html(s) return (s:gsub("[<>&\"]", {["<"] = "&lt;", [">"] = "&gt;", ["&"] = "&amp;", ['"'] = "&quot;"})) end
local function hexdump(s) return (s:gsub(".", function(c) return string.format("%02x ", c:byte()) end)) end
local user = "1+1=2? (yes) [really] 100% $5 ^_^ a.b-c*"
local pat = escape_pattern(user)
print(pat)
print(("prefix " .. user .. " suffix"):find(pat))
print(urlencode("a b&c=d/é?"), urldecode(urlencode("a b&c=d/é?")) == "a b&c=d/é?")
print(html('<a href="x">Tom & Jerry</a>'))
print(hexdump("Lua\0\255\n"))
