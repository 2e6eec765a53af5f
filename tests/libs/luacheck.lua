-- debian: lua-check, and for the linted sources lua-dkjson lua-inspect lua-argparse lua-moses lua-messagepack lua-basexx lua-binaryheap lua-unit lua-uri lua-penlight lua-luassert lua-cliargs
-- luacheck 1.1 (Debian lua-check, Lua 5.1 folder), used as a library: a large
-- pure-Lua program (lexer, parser, control-flow analysis, linter). It lints
-- snippets with every kind of warning, then the installed sources of other
-- libraries and of luacheck itself; every warning is printed with its position.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("luacheck")
local luacheck = require("luacheck")
print(luacheck._VERSION)

local function dump(label, report)
  print(label, "warnings " .. report.warnings, "errors " .. report.errors, "fatals " .. report.fatals)
  for i, file in ipairs(report) do
    if file.fatal then print("  file " .. i .. " fatal " .. file.fatal .. " " .. tostring(file.msg)) end
    for _, ev in ipairs(file) do
      print(string.format("  %d:%d:%d-%s [%s] %s", i, ev.line, ev.column, tostring(ev.end_column), ev.code, luacheck.get_message(ev)))
    end
  end
end

local snippets = {
  "local x = 1\nprint(y)\nlocal function f(a, b) return a end\n",
  "local t = {a = 1, a = 2}\nt.b = 3\nlocal u = t\nu = 5\nreturn t\n",
  "for i = 10, 1 do print(i) end\nwhile true do end\nprint('unreachable')\n",
  "local a, b = 1\nlocal c = 1, 2\nif a then end\ndo end\n;;\nreturn b, c\n",
  "x = 1\nlocal x = 2\nlocal x = 3\nprint(x)\nstring.foo = 1\nmath.pi = 3\n",
  "local function g(...) local n = select('#', ...) return end\nlocal s = 'trailing space'   \nreturn g\n",
  "local a = 1\nlocal function h() a = a + 1 end\na = nil\nreturn h\n",
  "goto done\nlocal z = 1\n::done::\nprint(z)\n",
  "local t = {}\nt.x = 1\nt.x = 2\nreturn function(self) self = nil end\n",
  "local function deep(x)\n  if x then if x > 1 then if x > 2 then if x > 3 then return 1 elseif x then return 2 end end end end\n  for i = 1, 2 do while x do repeat x = x - 1 until x < 0 end end\nend\nreturn deep\n",
  "local v <const> = 1\nlocal w <close> = nil\nv = 2\nreturn w\n",
  "print('a' .. 1 // 2 & 3 | 4 ~ 5 << 6 >> 7)\nlocal q = #{...}\nreturn q\n",
  "local x = 'unterminated\n",
  "if then end",
  "local = 1",
  "return 1 +",
  "local s = [==[ long ]=] string ]==]\nlocal t = { [s] = s, s = s, 1, 2; 3 }\nreturn t\n",
  "-- luacheck: ignore 211\nlocal unused = 1\n-- luacheck: globals myglobal\nmyglobal = 1\nlocal other = 2\n",
}
dump("snippets", luacheck.check_strings(snippets))
dump("std max", luacheck.check_strings({ "print(bit32, unpack, setfenv, utf8)\n" }, { std = "max" }))
dump("std lua51", luacheck.check_strings({ "print(utf8, unpack, setfenv, table.move)\n" }, { std = "lua51" }))
dump("options", luacheck.check_strings({ "local x\nfoo = 1\nprint(bar)\n" }, { unused = false, globals = { "foo" }, read_globals = { "bar" }, max_line_length = 10 }))
dump("line length", luacheck.check_strings({ string.rep("x", 130) .. " = 1\n" }, { max_line_length = 120 }))
dump("cyclomatic", luacheck.check_strings({ snippets[10] }, { max_cyclomatic_complexity = 3 }))
local report = luacheck.check_strings({ snippets[1], snippets[2] })
print("codes", luacheck.get_message({ code = "111", name = "x" }), luacheck.get_message({ code = "421", name = "y", prev_line = 1, prev_column = 2, prev_end_column = 3 }))

-- installed sources of other libraries, and luacheck's own
local files = {
  "/usr/share/lua/5.1/dkjson.lua", "/usr/share/lua/5.1/inspect.lua", "/usr/share/lua/5.1/argparse.lua",
  "/usr/share/lua/5.1/moses.lua", "/usr/share/lua/5.1/MessagePack.lua", "/usr/share/lua/5.1/basexx.lua",
  "/usr/share/lua/5.1/binaryheap.lua", "/usr/share/lua/5.1/luaunit.lua", "/usr/share/lua/5.1/uri.lua",
  "/usr/share/lua/5.1/pl/tablex.lua", "/usr/share/lua/5.1/pl/List.lua", "/usr/share/lua/5.1/pl/stringx.lua",
  "/usr/share/lua/5.1/pl/pretty.lua", "/usr/share/lua/5.1/pl/utils.lua", "/usr/share/lua/5.1/pl/xml.lua",
  "/usr/share/lua/5.1/pl/data.lua", "/usr/share/lua/5.1/pl/Date.lua", "/usr/share/lua/5.1/pl/lexer.lua",
  "/usr/share/lua/5.1/luassert/assert.lua", "/usr/share/lua/5.1/luassert/spy.lua", "/usr/share/lua/5.1/cliargs/core.lua",
  "/usr/share/lua/5.1/luacheck/parser.lua", "/usr/share/lua/5.1/luacheck/lexer.lua", "/usr/share/lua/5.1/luacheck/stages/linearize.lua",
  "/usr/share/lua/5.1/luacheck/stages/detect_globals.lua", "/usr/share/lua/5.1/luacheck/stages/resolve_locals.lua",
  "/usr/share/lua/5.1/luacheck/format.lua", "/usr/share/lua/5.1/luacheck/config.lua",
}
local sources, present = {}, {}
for _, name in ipairs(files) do
  local f = io.open(name, "rb")
  if f then
    sources[#sources + 1] = f:read("a")
    present[#present + 1] = name
    f:close()
  else
    print("source not installed: " .. name)
  end
end
files = present
local big = luacheck.check_strings(sources, { std = "max" })
print("installed sources", #files, "warnings " .. big.warnings, "errors " .. big.errors)
for i, file in ipairs(big) do
  local codes = {}
  for _, ev in ipairs(file) do codes[ev.code] = (codes[ev.code] or 0) + 1 end
  local keys = {}
  for k in pairs(codes) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "x" .. codes[k] end
  local first = file[1] and (file[1].line .. ":" .. file[1].column .. " " .. luacheck.get_message(file[1])) or "-"
  local last = file[#file] and (file[#file].line .. ":" .. file[#file].column .. " " .. luacheck.get_message(file[#file])) or "-"
  print(files[i]:match("[^/]+/[^/]+$"), #file, table.concat(parts, " "), first, last)
end
