-- debian: lua-cliargs, lua-dkjson, lua-inifile
-- lua_cliargs 3.0 (Debian lua-cliargs): arguments, options, flags (negatable),
-- splats, defaults, callbacks, commands, config files (lua, json via dkjson,
-- ini via inifile), help and usage text, parse errors. Each parse unloads the
-- module (cli:parse calls cleanup), so every case requires it afresh.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("cliargs")
S.where("cliargs.core")
local show = S.show

local function define()
  local cli = require("cliargs")
  cli:set_name("app")
  cli:set_description("An application that uses cliargs.")
  cli:argument("INPUT", "path to the input file")
  cli:option("-o, --output=FILE", "path to the output file", "out.txt")
  cli:option("-c, --compress=LEVEL", "compression level", "5")
  cli:option("-I, --include=DIR...", "include dirs", {})
  cli:flag("-v, --verbose", "be verbose")
  cli:flag("--[no-]color", "use colors", true)
  cli:splat("REST", "the rest", nil, 3)
  return cli
end

local cases = {
  { "in" },
  { "in", "a", "b" },
  { "in", "a", "b", "c", "d" },
  { "-o", "x.bin", "in" },
  { "--output=y.bin", "-c9", "in" },
  { "-I", "inc1", "--include=inc2", "-Iinc3", "in" },
  { "-v", "--no-color", "in" },
  { "--color", "in" },
  { "--unknown", "in" },
  { "-o" },
  {},
  { "--", "-in" },
}
for i, c in ipairs(cases) do
  local cli = define()
  local args, err = cli:parse(c)
  print("case " .. i .. " [" .. table.concat(c, " ") .. "]", show(args), err)
end
io.stdout:flush()

-- help and usage text
local cli = define()
cli:set_colsz(20, 40)
print(cli.printer.generate_usage())
print(cli.printer.generate_help())
cli:cleanup()

-- callbacks and redefined defaults
local seen = {}
cli = require("cliargs")
cli:argument("NAME", "a name", function(key, value) seen[#seen + 1] = key .. "=" .. value end)
cli:option("--size=N", "a size", "10", function(key, value, altkey, opt) seen[#seen + 1] = key .. ":" .. value; return tonumber(value) end)
cli:flag("-d, --debug", "debug", false, function(key, value) seen[#seen + 1] = "debug " .. tostring(value) end)
print(cli:redefine_default("size", "20"), cli:redefine_default("nope", 1))
print(show(cli:load_defaults({ size = "30" })), show({ cli:load_defaults({ bogus = 1 }, true) }))
local args, err = cli:parse({ "--size", "40", "-d", "bob" })
print(show(args), err, table.concat(seen, " "))

-- commands
cli = require("cliargs")
cli:set_name("vcs")
local ran = {}
local clone = cli:command("clone", "clone a repository")
clone:argument("URL", "where from")
clone:option("--depth=N", "depth", "0")
clone:action(function(options) ran[#ran + 1] = "clone " .. options.URL .. " " .. options.depth end)
local st = cli:command("status", "show status")
st:flag("-s, --short", "short format")
st:action(function(options) ran[#ran + 1] = "status short=" .. tostring(options.short) return "status result" end)
print(show({ cli:parse({ "clone", "--depth", "3", "http://x" }, true) }))
print(show({ cli:parse({ "status", "-s" }, true) }))
print(table.concat(ran, "; "))
cli:cleanup()

-- configuration files in the working directory
local function write(name, text) local f = assert(io.open(name, "w")) f:write(text) f:close() end
write("conf.lua", "return { output = 'from-lua.txt', compress = '1' }")
write("conf.json", '{"output": "from-json.txt", "verbose": true}')
write("conf.ini", "[cli]\noutput=from-ini.txt\ncompress=2\n")
for _, f in ipairs { "conf.lua", "conf.json", "conf.ini", "missing.lua", "conf.txt" } do
  cli = define()
  local ok, cfg, e = pcall(cli.read_defaults, cli, f)
  if not ok then cfg, e = nil, "raised " .. cfg end
  local loaded = cfg and (cfg.cli or cfg)
  if loaded then cli:load_defaults(loaded) end
  local a = cli:parse({ "in" })
  print(f, show(cfg), e and (e:gsub("^.-: ", "")), a and a.output, a and a.compress)
end
for _, f in ipairs { "conf.lua", "conf.json", "conf.ini" } do os.remove(f) end
