-- debian: lua-argparse
-- argparse 0.7.1 (Debian lua-argparse): parsers with arguments, options, flags,
-- commands, mutexes, defaults, converters, actions, choices; usage and help
-- text; pparse errors.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("argparse")
local argparse = require("argparse")
print(argparse.version)
local show = S.show

local function build()
  local p = argparse("tool", "A tool that does things.", "See the manual for more.")
  p:argument("input", "Input file.")
  p:argument("extra", "Extra files."):args("*")
  p:option("-o --output", "Output file.", "a.out")
  p:option("-I --include", "Include locations."):count("*")
  p:option("-l --level", "Level."):convert(tonumber):default("3")
  p:option("--mode", "Mode."):choices({ "fast", "slow", "safe" })
  p:option("--pair", "Two values."):args(2)
  p:flag("-v --verbose", "Sets verbosity level."):count("0-3"):target("verbosity")
  p:flag("-q --quiet")
  p:mutex(p:flag("--json"), p:flag("--xml"))
  p:option("--kv"):args("*"):action(function(args, _, vals)
    args.kv = args.kv or {}
    for _, v in ipairs(vals) do local k, val = v:match("^(%w+)=(.*)$") if k then args.kv[k] = val end end
  end)
  return p
end

local cases = {
  { "in.txt" },
  { "in.txt", "a", "b", "c" },
  { "-o", "out.bin", "in.txt" },
  { "--output=x", "in.txt", "-I", "inc1", "-Iinc2", "--include", "inc3" },
  { "-vvv", "in.txt" },
  { "-v", "-v", "-q", "in.txt", "--level", "7" },
  { "--mode", "slow", "in.txt" },
  { "--mode", "turbo", "in.txt" },
  { "--pair", "a", "b", "in.txt" },
  { "--pair", "a" },
  { "--json", "--xml", "in.txt" },
  { "--kv", "a=1", "b=2", "--", "in.txt" },
  {},
  { "-vvvv", "x" },
  { "--unknown", "x" },
  { "--outptu", "x", "in" },
  { "-l", "notanumber", "in" },
  { "--", "-dash-file" },
}
for i, c in ipairs(cases) do
  local ok, res = build():pparse(c)
  print("case " .. i .. " [" .. table.concat(c, " ") .. "]", ok, show(res))
end
print(build():get_usage())
print(build():get_help())

-- commands
local git = argparse("git"):command_target("command")
git:flag("--bare")
local clone = git:command("clone c", "Clone a repository.")
clone:argument("url")
clone:option("--depth"):convert(tonumber)
local commit = git:command("commit", "Record changes.")
commit:option("-m --message"):count(1)
commit:flag("-a --all")
local remote = git:command("remote")
remote:command("add"):argument("name")
remote:command("remove rm"):argument("name")
git:require_command(false)
for _, c in ipairs { { "clone", "http://x", "--depth", "1" }, { "c", "u" }, { "commit", "-am", "msg" },
                     { "remote", "add", "origin" }, { "remote", "rm", "origin" }, { "--bare" }, { "push" },
                     { "commit" }, { "remote" } } do
  local ok, res = git:pparse(c)
  print("git [" .. table.concat(c, " ") .. "]", ok, show(res))
end
print(git:get_help())
print(clone:get_help())
print(remote:get_usage())

-- defaults modes, hidden options, epilog, help_max_width, group
local p = argparse("grouped"):add_help(false)
p:group("Main", p:option("--alpha"):default("a"):defmode("arg"), p:flag("--beta"))
p:group("Other", p:option("--gamma"):hidden_name("--g"), p:option("--secret"):hidden(true))
p:option("--list"):args("+"):init({})
p:help_max_width(40)
print(p:get_help())
print(show(select(2, p:pparse({ "--alpha", "--list", "1", "2" }))))
print(show(select(2, p:pparse({}))))
print(show({ p:pparse({ "--alpha", "x", "--alpha", "y" }) }))
print(show({ p:pparse({ "--list" }) }))

-- error handler and parse
local e = argparse("err")
e:argument("n"):convert(function(s) local n = tonumber(s) if not n then return nil, "not a number: " .. s end return n end)
print(show({ e:pparse({ "x" }) }))
print(show({ e:pparse({ "12" }) }))
S.check("error via :error", function()
  local q = argparse("q")
  q.error = function(self, msg) error("parse failed: " .. msg, 0) end
  return q:parse({ "unexpected" })
end)
S.check("property error", function() return argparse("x"):option("--y"):args("bad") end)
S.check("bad count", function() return argparse("x"):option("--y"):count("x-y") end)
