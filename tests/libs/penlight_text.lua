-- debian: lua-penlight
-- Penlight 1.13 (Debian lua-penlight), text and objects: pl.stringx, pl.text,
-- pl.template, pl.lexer, pl.pretty, pl.sip, pl.stringio, pl.config, pl.data,
-- pl.xml, pl.url, pl.class, pl.types, pl.Date (TZ=UTC), pl.lapp, pl.strict.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("pl.stringx")
S.where("pl.pretty")
local check, show = S.check, S.show
local stringx = require("pl.stringx")
local text = require("pl.text")
local template = require("pl.template")
local lexer = require("pl.lexer")
local pretty = require("pl.pretty")
local sip = require("pl.sip")
local stringio = require("pl.stringio")
local config = require("pl.config")
local data = require("pl.data")
local xml = require("pl.xml")
local url = require("pl.url")
local class = require("pl.class")
local types = require("pl.types")
local Date = require("pl.Date")

-- stringx
local s = "  Hello, World!  "
check("strip", function() return stringx.strip(s), stringx.lstrip(s), stringx.rstrip(s), stringx.strip("xxhixx", "x") end)
check("split", function() return stringx.split("a,b,,c", ","), stringx.split("  a  b "), stringx.split("a.b.c", ".", 2) end)
check("startswith", function() return stringx.startswith("hello", "he"), stringx.endswith("hello", { "lo", "x" }), stringx.startswith("a", "ab") end)
check("predicates", function() return stringx.isalpha("abc"), stringx.isdigit("123"), stringx.isalnum("a1"), stringx.isspace(" \t"), stringx.islower("ab"), stringx.isupper("AB") end)
check("join", function() return stringx.join("-", { "a", "b", "c" }) end)
check("splitlines", function() return stringx.splitlines("one\ntwo\r\nthree"), stringx.splitlines("a\nb\n", true) end)
check("expandtabs", function() return stringx.expandtabs("a\tb\tc", 4) end)
check("find", function() return stringx.lfind("abcabc", "bc"), stringx.rfind("abcabc", "bc"), stringx.lfind("abc", "x"), stringx.count("abababa", "aba") end)
check("replace", function() return stringx.replace("a.b.c", ".", "::"), stringx.replace("aaa", "a", "b", 2) end)
check("partition", function() return stringx.partition("key=value=x", "="), stringx.rpartition("key=value=x", "=") end)
check("at", function() return stringx.at("hello", 2) end)
check("lines", function() local o = {} for l in stringx.lines("x\ny\nz") do o[#o + 1] = l end return o end)
check("title", function() return stringx.title("hello wide world"), stringx.capitalize and stringx.capitalize("abc") end)
check("shorten", function() return stringx.shorten("a long piece of text", 10), stringx.shorten("a long piece of text", 10, true) end)
check("center", function() return "[" .. stringx.center("ab", 8, "*") .. "]", "[" .. stringx.ljust("ab", 5) .. "]", "[" .. stringx.rjust("ab", 5, ".") .. "]" end)
check("quote_string", function() return stringx.quote_string("plain"), stringx.quote_string("has \"quotes\"\nand newline"), stringx.quote_string("]]") end)
check("strip bad", stringx.strip, 42)
-- text
check("indent", function() return text.indent("a\nb\n", 2), text.dedent("    x\n    y\n") end)
check("wrap", function() return text.wrap("The quick brown fox jumps over the lazy dog and keeps running far away", 20) end)
check("fill", function() return text.fill("The quick brown fox jumps over the lazy dog", 15) end)
check("Template", function() local T = text.Template("Hello $name, you owe ${amount}") return T:substitute({ name = "Ann", amount = 5 }), T:safe_substitute({ name = "Bob" }) end)
check("Template indent", function() return text.Template("x:\n  $body\n"):indent_substitute({ body = "line1\nline2" }) end)
check("format operator", function() text.format_operator() return "%s=%5.2f" % { "pi", math.pi }, "%d items" % 3 end)
-- template
check("template.substitute", function()
  return template.substitute([[
<ul>
# for i, v in ipairs(items) do
  <li>$(i): $(v)</li>
# end
</ul>
]], { items = { "one", "two", "three" }, ipairs = ipairs })
end)
check("template compile", function()
  local ct = template.compile("Dear $(name), {# for _ = 1, n do #}*{# end #}", { inline_escape = "{#", inline_brackets = "()", chunk_name = "tmpl" })
  return ct:render({ name = "X", n = 3 })
end)
check("template error", function() return template.substitute("$(undefined.field)", {}) end)
-- lexer
local function toks(iter)
  local out = {}
  for t, v in iter do out[#out + 1] = t .. ":" .. tostring(v) end
  return table.concat(out, " ")
end
check("lexer lua", function() return toks(lexer.lua("local x = 10 -- comment\nif x >= 0x1F then print('s', [[long]]) end", { comments = false, space = true })) end)
check("lexer scan", function() return toks(lexer.scan("alpha = 3.5e2 + beta * 'q' ; # x")) end)
check("lexer cpp", function() return toks(lexer.cpp("int main() { return a->b << 2; /* c */ }")) end)
check("lexer lineno", function()
  local tok = lexer.lua("a\nb\n\nc")
  local o = {}
  for t, v in tok do o[#o + 1] = v .. "@" .. lexer.lineno(tok) end
  return table.concat(o, " ")
end)
check("lexer get_separated", function() local tok = lexer.lua("(a, b + 1, f(c, d))") tok() return lexer.get_separated_list(tok) end)
check("lexer expecting", function() local tok = lexer.lua("x = 1") return lexer.expecting(tok, "iden"), lexer.expecting(tok, "=") end)
check("lexer get_keywords", function() local k = lexer.get_keywords() return k["while"], k["foo"] end)
-- pretty
check("pretty.write", function() return pretty.write({ 1, 2, { a = "x", b = { true, false } }, ["key with space"] = 1, [10] = 5 }) end)
check("pretty.write compact", function() return pretty.write({ a = { b = { c = 1 } }, list = { 1, 2, 3 } }, "") end)
check("pretty.write cycle", function() local t = { name = "c" } t.self = t return (pretty.write(t)) end)
check("pretty.read", function() return pretty.read("{ a = 1, b = { 'x', 'y' }, [3] = true }") end)
check("pretty.read unsafe", function() return pretty.read("{ os.exit() }") end)
check("pretty.load", function() return pretty.load("x = 1; y = { z = 'q' }") end)
check("pretty.number", function() return pretty.number(123456), pretty.number(1234567, "M"), pretty.number(2048, "B"), pretty.number(1234567, "T") end)
check("pretty.write numbers", function() return pretty.write({ 1.5, -0.0, 1e100, math.huge, -math.huge, 2^53, math.mininteger, "\0\1\r\n" }) end)
-- sip
check("sip match", function()
  local res = {}
  local ok = sip.match("$v{name} = $d{value}", "width = 42", res)
  return ok, res
end)
check("sip compile", function()
  local pat = sip.compile("$S{host}:$d{port} $r{rest}")
  local res = {}
  return pat("example.org:8080 the rest here", res), res
end)
check("sip create_pattern", function() return sip.create_pattern("$v = $f") end)
check("sip match_at_start", function() local r = {} return sip.match_at_start("$d", "42abc", r), r end)
check("sip fields", function() local r = {} return sip.match("[$q{title}] $d{n}", "['a quoted' ] 7", r), r end)
-- stringio
check("stringio", function()
  local f = stringio.create()
  f:write("line 1\n", 2, " and ", 3.5, "\n")
  f:writef("%s-%03d\n", "fmt", 7)
  local v = f:value()
  local r = stringio.open(v)
  return v, r:read(), r:read("*n"), r:read("*l"), r:read("*a"), r:read()
end)
check("stringio lines", function() local o = {} for l in stringio.lines("a\nb\nc") do o[#o + 1] = l end return o end)
check("stringio seek", function() local r = stringio.open("0123456789") r:seek("set", 5) return r:read(2), r:seek("cur"), r:seek("end") end)
-- config
check("config.read", function()
  local f = stringio.open("# comment\nname = value\nnumber = 42\nlist = 1, 2, 3\n[section]\nkey = x\nflag = true\n")
  return config.read(f, { convert_numbers = true, list_delim = "," })
end)
check("config.lines", function() local o = {} for l in config.lines(stringio.open("a=1\n# c\n  b = 2 \\\n   cont\n")) do o[#o + 1] = l end return o end)
check("config bad", function() return config.read(stringio.open("= broken")) end)
-- data
check("data.read", function()
  local d = data.read(stringio.open("name age score\nann 31 9.5\nbob 25 7\ncid 40 8.25\n"))
  return d.fieldnames, d, d:column_by_name("age")
end)
check("data csv", function()
  local d = data.read(stringio.open("x,y,label\n1,2,a\n3,4,b\n"), { csv = true })
  local o = {} for l in d:select("label where x > 1") do o[#o + 1] = l end return d.fieldnames, o
end)
check("data.write", function()
  local f = stringio.create()
  data.write({ { 1, 2 }, { 3, 4 } }, f, { "a", "b" }, ",")
  return f:value()
end)
check("data query", function()
  local d = data.read(stringio.open("a b\n1 10\n2 20\n3 30\n"))
  local out = {}
  for a, b in d:select("a,b where b > 15 sort by a desc") do out[#out + 1] = a .. "/" .. b end
  return out
end)
check("data.filter", function()
  local out = stringio.create()
  data.filter("x,y where x > 1", stringio.open("x y\n1 2\n5 6\n"), out)
  return out:value()
end)
-- xml
local doc = xml.parse([[<root a="1"><item id="x">first</item><item id="y">second &amp; more</item><empty/></root>]], false, true)
check("xml parse", function() return doc.tag, doc.attr.a, #doc, doc[1].tag, doc[1][1], doc:child_with_name("empty") ~= nil end)
check("xml tostring", function() return xml.tostring(doc), xml.tostring(doc, "", "  ") end)
check("xml match", function() return doc:match([[<root a="$a"><item id="$id">$text</item></root>]]) end)
check("xml subst", function()
  local t = xml.new("list")
  t:addtag("entry", { k = "v" }):text("hello"):up():addtag("entry"):text("<escaped>")
  return xml.tostring(t)
end)
check("xml elem", function() return xml.tostring(xml.elem("p", { "text", xml.elem("b", "bold"), class = "c" })) end)
check("xml children", function() local o = {} for c in doc:childtags() do o[#o + 1] = c.tag .. "=" .. tostring(c.attr.id) end return o end)
check("xml get_text", function() return doc[2]:get_text(), doc:get_elements_with_name("item")[2].attr.id end)
check("xml bad", function() return xml.parse("<a><b></a>", false, true) end)
check("xml basic_parse", function() return xml.basic_parse("<x y='1'>t</x>") ~= nil end)
-- url
check("url", function() return url.quote("a b&c=d/e"), url.quote("a b", true), url.unquote("a%20b+c") end)
-- class
local Animal = class()
function Animal:_init(name) self.name = name end
function Animal:speak() return self.name .. " makes a sound" end
function Animal:__tostring() return "Animal(" .. self.name .. ")" end
local Dog = class(Animal)
function Dog:_init(name, breed) self:super(name) self.breed = breed end
function Dog:speak() return self.name .. " barks" end
local Puppy = class(Dog)
Puppy._name = "Puppy"
function Puppy:speak() return Dog.speak(self) .. " softly" end
local a, d, p = Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug")
check("class", function() return a:speak(), d:speak(), p:speak(), tostring(d), p.breed end)
check("class is_a", function() return d:is_a(Animal), a:is_a(Dog), Dog:class_of(d), Animal:class_of(p), p:is_a(Dog), class.Animal == nil end)
check("class catch", function()
  local Strict = class()
  Strict:catch(function(self, key) return "missing " .. key end)
  return Strict().anything
end)
check("class properties", function()
  local P = class(class.properties)
  function P:_init() self._x = 1 end
  function P:get_x() return self._x * 10 end
  function P:set_x(v) self._x = v end
  local o = P()
  o.x = 5
  return o.x
end)
check("class named", function() class.Shape({ _init = function(self, n) self.n = n end, area = function(self) return self.n * 2 end }) return Shape(4):area() end)
-- types
check("types", function()
  return types.is_callable(print), types.is_callable(setmetatable({}, { __call = print })), types.is_integer(3), types.is_integer(3.5),
         types.is_empty({}), types.is_empty(""), types.is_empty(nil), types.is_empty({ 1 }), types.is_indexable({}), types.is_iterable({}),
         types.is_writeable({}), types.to_bool("yes"), types.to_bool("no"), types.to_bool(0), types.to_bool(1), types.type(d), types.type(1)
end)
-- Date (the environment sets TZ=UTC)
check("Date", function()
  local dt = Date({ year = 2024, month = 2, day = 28, hour = 23, min = 30, sec = 15 })
  local d2 = Date({ year = 2024, month = 2, day = 28, hour = 23, min = 30, sec = 15 })
  d2:add({ day = 2 })
  return tostring(dt), tostring(d2), d2:year(), d2:month(), d2:day(), d2:weekday_name(), d2:month_name(), dt < d2, dt:is_weekend()
end)
check("Date diff", function()
  local d1 = Date({ year = 2020, month = 1, day = 1, hour = 0 })
  local d2 = Date({ year = 2021, month = 3, day = 4, hour = 5 })
  local diff = d2:diff(d1)
  return tostring(diff), d1:last_day():day(), d2:hour(), d2:min(), d2:yday()
end)
check("Date.Format", function()
  local df = Date.Format("yyyy-mm-dd HH:MM:SS")
  local d = df:parse("2023-07-04 12:34:56")
  local df2 = Date.Format("dd/mm/yy")
  return df:tostring(d), df2:tostring(d), Date.Format():parse("2001-02-03") and Date.Format("yyyy-mm-dd"):tostring(Date.Format():parse("2001-02-03"))
end)
check("Date.Format US", function() local f = Date.Format("mm/dd/yyyy") return f:tostring(f:parse("12/25/2022")) end)
check("Date toUTC", function() local d = Date(0, true) return tostring(d), d:toUTC():year(), Date(86400 * 365, true):year() end)
-- lapp (from a table of arguments, the global arg is set for the call)
check("lapp", function()
  local lapp = require("pl.lapp")
  local saved = arg
  arg = { "-v", "-n", "5", "--name=zed", "input.txt" }
  local args = lapp([[
A test program
  -v,--verbose  Verbose output
  -n (default 1) Number of things
  --name (string default "none") A name
  <file> (string) The input file
]])
  arg = saved
  return args
end)
check("lapp error", function()
  local lapp = require("pl.lapp")
  local saved, exit = arg, os.exit
  lapp.quit = function(msg) error("lapp quit: " .. tostring(msg), 0) end
  arg = { "-n", "notanumber" }
  local ok, err = pcall(lapp, [[
  -n (number) a number
]])
  arg = saved
  return ok, err
end)
-- strict (last: it changes the global environment)
check("strict", function()
  local strict = require("pl.strict")
  strict.module("M1", { a = 1 })
  return M1.a, pcall(function() return M1.b end)
end)
check("strict globals", function()
  require("pl.strict").make_all_strict(_G)
  local ok, err = pcall(function() return undefined_global_xyz end)
  return ok, err
end)
