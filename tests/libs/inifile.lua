-- debian: lua-inifile
-- inifile 1.0 (Debian lua-inifile): parse from memory and from a file, types,
-- comments, section order kept on save; saved text of parsed tables (ordered by
-- the metadata, so deterministic) and of new single-key sections.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("inifile")
local ini = require("inifile")
local show = S.show
local text = [[
;top comment
[server]
;the host
host=example.org
port = 8080
ratio=0.75
debug=false
enabled=true
[paths]
root=/var/www
log =/var/log/x.log
[empty]
[numbers]
hex=0x10
exp=1e3
neg=-42
name_with_underscore=yes
bad line without equals
]]
local t = ini.parse(text, "memory")
print(show(t))
local meta = getmetatable(t).__inifile
print(show(meta.comments))
for i, s in ipairs(meta.sectionorder) do print("section", i, s.name, table.concat(s, ",")) end
print(math.type(t.server.port), math.type(t.server.ratio), t.numbers.hex, t.numbers.exp, math.type(t.numbers.exp))
print(ini.save("ignored", t, "memory"))
t.server.port = 9090
t.server.host = nil
t.paths.extra = "added"
t.numbers = nil
print(ini.save("ignored", t, "memory"))
print(ini.save("x", { only = { key = "value" } }, "memory"))
print(ini.save("x", setmetatable({ a = { k = 1 } }, { __inifile = { sectionorder = {}, comments = {} } }), "memory"))
-- the io backend, in the working directory. inifile.save leaves its file for
-- the collector to close (and flush): collect, then read it back.
ini.save("test.ini", t)
collectgarbage()
local f = assert(io.open("test.ini"))
local saved = f:read("a")
f:close()
print(saved == ini.save("ignored", t, "memory"))
local back = ini.parse("test.ini")
print(show(back))
os.remove("test.ini")
S.check("missing file", ini.parse, "does-not-exist.ini")
S.check("key before section", ini.parse, "k=v\n", "memory")
S.check("crlf", function() return ini.parse("[s]\r\na=1\r\nb=two\r\n", "memory") end)
