-- conform_suite (part D): the standalone interpreter (manual, section 7), self-checking, written from
-- the manual and checked against lua5.4. Each check starts the interpreter that runs this file again,
-- named by the lowest index of 'arg' (lua5.4, or "./luahost lua"), with stdin, stdout and stderr in
-- temporary files; error messages carry that program name as their prefix.
-- differential timeout: 300
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end

local lowest = 0
while arg[lowest - 1] ~= nil do lowest = lowest - 1 end
local LUA = arg[lowest]
local base = os.tmpname()
local F = { script = base .. "_s.lua", init = base .. "_i.lua", input = base .. ".in", out = base .. ".out",
            err = base .. ".err", mod = base .. "_m.lua" }
local modname = F.mod:match("([^/]*)%.lua$")
local moddir = F.mod:sub(1, -(#modname + 5))   -- with its trailing slash
local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
local function write(name, s) local f = assert(io.open(name, "wb")); f:write(s); f:close() end
local function slurp(name) local f = assert(io.open(name, "rb")); local s = f:read("a"); f:close(); return s end
-- every run sees no Lua settings from our own environment but those it names
local CLEAN = "env -u LUA_INIT -u LUA_INIT_5_4 -u LUA_PATH -u LUA_PATH_5_4 -u LUA_CPATH -u LUA_CPATH_5_4 "

-- run(env, args, stdin) -> stdout, stderr, status ("exit"/"signal" code as os.execute gives them)
local function run(env, args, stdin)
  write(F.input, stdin or "")
  local ok, how, code = os.execute(CLEAN .. (env or "") .. " " .. LUA .. " " .. args ..
    " <" .. q(F.input) .. " >" .. q(F.out) .. " 2>" .. q(F.err))
  assert(how == "exit", "the interpreter ended by " .. tostring(how))
  is(ok, code == 0 or nil, "os.execute's first result")
  return slurp(F.out), slurp(F.err), code
end
-- the error output of an uncaught error: "PROGNAME: message" and a traceback
local function errhead(err) return err:match("^(.-)\n") end

T("-e statements run in order; '...' of -e is empty", function()
  local out, err, st = run(nil, "-e 'x = 1' -e 'print(x + 1, select(\"#\", ...))' -e'print(x * 10)'")
  is(out, "2\t0\n10\n"); is(err, ""); is(st, 0)
end)

T("-e with a syntax error or a runtime error", function()
  local out, err, st = run(nil, "-e 'x = = 1'")
  is(out, ""); is(st, 1)
  is(err, LUA .. ": (command line):1: unexpected symbol near '='\n")
  out, err, st = run(nil, "-e 'print(1)' -e 'error(\"boom\")' -e 'print(3)'")
  is(out, "1\n"); is(st, 1)
  is(errhead(err), LUA .. ": (command line):1: boom")
  assert(err:find("\nstack traceback:\n\t%[C%]: in function 'error'\n"), err)
  assert(err:find("\n\t%(command line%):1: in main chunk\n\t%[C%]: in %?\n$"), err)
end)

T("-l mod and -l g=mod load through LUA_PATH", function()
  write(F.mod, "print('loading', ...)\nreturn { x = 42 }\n")
  local env = "LUA_PATH=" .. q(moddir .. "?.lua")
  -- loaded once (package.loaded), then given to a second global; a glued -lmod works too
  local out, err, st = run(env, "-l m=" .. modname .. " -e 'print(m.x, rawget(_G, \"" .. modname .. "\"))' -l" ..
    modname .. " -e 'print(" .. modname .. " == m)'")
  is(out, "loading\t" .. modname .. "\t" .. F.mod .. "\n42\tnil\ntrue\n"); is(err, ""); is(st, 0)
  out, err, st = run(env, "-l nosuchmodule_xyz -e 'print(1)'")
  is(out, ""); is(st, 1)
  is(errhead(err), LUA .. ": module 'nosuchmodule_xyz' not found:")
  assert(err:find("\n\tno field package.preload['nosuchmodule_xyz']\n\tno file '" .. moddir .. "nosuchmodule_xyz.lua'\n", 1, true), err)
end)

T("-v, and options that need an argument", function()
  local banner = "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n"
  local out, err, st = run(nil, "-v -e 'print(2)'")
  is(out, banner .. "2\n"); is(err, ""); is(st, 0)
  local usage = "usage: " .. LUA .. " [options] [script [args]]\n" ..
    "Available options are:\n" ..
    "  -e stat   execute string 'stat'\n" ..
    "  -i        enter interactive mode after executing 'script'\n" ..
    "  -l mod    require library 'mod' into global 'mod'\n" ..
    "  -l g=mod  require library 'mod' into global 'g'\n" ..
    "  -v        show version information\n" ..
    "  -E        ignore environment variables\n" ..
    "  -W        turn warnings on\n" ..
    "  --        stop handling options\n" ..
    "  -         stop handling options and execute stdin\n"
  out, err, st = run(nil, "-e")
  is(out, ""); is(st, 1); is(err, LUA .. ": '-e' needs argument\n" .. usage)
  for _, bad in ipairs{ "-vx", "--x" } do
    out, err, st = run(nil, bad .. " -e 'print(1)'")
    is(out, "", bad); is(st, 1, bad); is(err, LUA .. ": unrecognized option '" .. bad .. "'\n" .. usage, bad)
  end
end)

T("-W turns warnings on; warn control messages", function()
  local out, err, st = run(nil, "-e 'warn(\"a\", \"b\"); warn(\"@on\"); warn(\"x\"); warn(\"@off\"); warn(\"y\");" ..
    " warn(\"@on\"); warn(\"z\", 1)'")
  is(out, ""); is(err, "Lua warning: x\nLua warning: z1\n"); is(st, 0)
  out, err, st = run(nil, "-W -e 'warn(\"a\", \"b\", 1); warn(\"@unknown\"); warn(\"@off\"); warn(\"hidden\")'")
  is(err, "Lua warning: ab1\n"); is(st, 0)
end)

T("a script: arg with negative indices, '...', --, -", function()
  write(F.script, "print(select('#', ...), ...)\n" ..
    "local lo = 0; while arg[lo - 1] do lo = lo - 1 end\n" ..
    "local t = {} for i = lo + 1, #arg do t[#t + 1] = tostring(arg[i]) end\n" ..
    "print(#arg, -lo, table.concat(t, ' '))\n")
  local out, err, st = run(nil, q(F.script) .. " a 'b c' -e")
  is(out, "3\ta\tb c\t-e\n3\t1\t" .. F.script .. " a b c -e\n"); is(err, ""); is(st, 0)
  out = run(nil, "-W -e 'y=1' -- " .. q(F.script) .. " x")
  is(out, "1\tx\n1\t5\t-W -e y=1 -- " .. F.script .. " x\n")
  out = run(nil, "- p q", slurp(F.script))   -- the script from stdin
  is(out, "2\tp\tq\n2\t1\t- p q\n")
  out = run(nil, q(F.script) .. " - --")   -- after the script everything is an argument
  is(out, "2\t-\t--\n2\t1\t" .. F.script .. " - --\n")
  -- the script's arguments are read from 'arg' after the -e options ran
  out = run(nil, "-e 'arg[1] = \"changed\"; arg[3] = \"new\"' " .. q(F.script) .. " one two")
  is(out, "3\tchanged\ttwo\tnew\n3\t3\t-e arg[1] = \"changed\"; arg[3] = \"new\" " .. F.script .. " changed two new\n")
end)

T("no script: stdin is the program; arg holds the options", function()
  local out, err, st = run(nil, "", "print('from stdin', arg[0] ~= nil, #arg)\n")
  is(out, "from stdin\ttrue\t0\n"); is(st, 0)
  out = run(nil, "-e 'print(#arg, arg[1], arg[2], arg[-1])'")
  is(out, "2\t-e\tprint(#arg, arg[1], arg[2], arg[-1])\tnil\n")
  out, err, st = run(nil, "-", "x = = 1")
  is(out, ""); is(st, 1); is(err, LUA .. ": stdin:1: unexpected symbol near '='\n")
end)

T("-E ignores LUA_INIT and LUA_PATH; LUA_INIT_5_4 wins over LUA_INIT", function()
  write(F.init, "print('init file', ...)\nINIT = 'file'\n")
  local out, err, st = run("LUA_INIT='print(\"init\")' LUA_INIT_5_4='print(\"init54\")'", "-e 'print(\"main\")'")
  is(out, "init54\nmain\n"); is(st, 0)
  out = run("LUA_INIT=" .. q("@" .. F.init), "-e 'print(INIT)'")
  is(out, "init file\nfile\n")
  out = run("LUA_INIT='print(\"init\")' LUA_PATH='/nowhere/?.lua'", "-E -e 'print(package.path:find(\"nowhere\"))'")
  is(out, "nil\n")
  out = run("LUA_PATH='/a/?.lua' LUA_PATH_5_4='/b/?.lua' LUA_CPATH='/c/?.so'", "-e 'print(package.path, package.cpath)'")
  is(out, "/b/?.lua\t/c/?.so\n")
  -- ";;" stands for the default path
  out = run("LUA_PATH='/a/?.lua;;'", "-e 'print(package.path:sub(1, 10), #package.path > 10)'")
  is(out, "/a/?.lua;/\ttrue\n")
  -- errors in LUA_INIT stop the interpreter
  out, err, st = run("LUA_INIT='error(\"in init\")'", "-e 'print(1)'")
  is(out, ""); is(st, 1); is(errhead(err), LUA .. ": LUA_INIT:1: in init")
  out, err, st = run("LUA_INIT='@/nonexistent/init.lua'", "-e 'print(1)'")
  is(st, 1); is(err, LUA .. ": cannot open /nonexistent/init.lua: No such file or directory\n")
end)

T("exit statuses and os.exit", function()
  local cases = {
    { "os.exit(true)", 0 }, { "os.exit(false)", 1 }, { "os.exit(256 + 7)", 7 },
  }
  for _, c in ipairs(cases) do
    local out, err, st = run(nil, "-e " .. q(c[1]))
    is(st, c[2], c[1])
  end
  -- os.exit(code, true) closes the state: pending to-be-closed variables and finalizers run
  local out, err, st = run(nil, "-e " .. q("local x <close> = setmetatable({}, {__close = function() print('closed') end})\n" ..
    "setmetatable({}, {__gc = function() print('collected') end})\nos.exit(2, true)"))
  is(out, "closed\ncollected\n"); is(st, 2)
  out, err, st = run(nil, "-e " .. q("local x <close> = setmetatable({}, {__close = function() print('closed') end})\n" ..
    "os.exit(4)"))
  is(out, ""); is(st, 4)
  -- a normal end closes the state too; buffered output is flushed by os.exit
  out, err, st = run(nil, "-e " .. q("setmetatable({}, {__gc = function() io.write('gc at end') end})") ..
    " -e " .. q("io.stdout:setvbuf('full'); io.write('partial '); os.exit(3)"))
  is(out, "partial "); is(st, 3)
  out = run(nil, "-e " .. q("setmetatable({}, {__gc = function() print('gc at end') end})"))
  is(out, "gc at end\n")
end)

T("error output: strings, numbers, tables, nil, __tostring", function()
  local out, err, st = run(nil, "-e 'error(42)'")
  is(st, 1); is(errhead(err), LUA .. ": 42")
  out, err, st = run(nil, "-e 'error({})'")
  is(errhead(err), LUA .. ": (error object is a table value)")
  assert(err:find("\nstack traceback:\n", 1, true), err)
  out, err, st = run(nil, "-e 'error(nil)'")
  is(errhead(err), LUA .. ": (error object is a nil value)")
  -- an object with __tostring: its string, and no traceback
  out, err, st = run(nil, "-e 'error(setmetatable({}, {__tostring = function() return \"custom\" end}))'")
  is(err, LUA .. ": custom\n"); is(st, 1)
  -- the message names the basic type, not a __name
  out, err, st = run(nil, "-e 'error(setmetatable({}, {__name = \"MyType\"}))'")
  is(errhead(err), LUA .. ": (error object is a table value)")
end)

T("script files: missing, syntax error, runtime error with traceback, shebang", function()
  local missing = base .. "_missing.lua"
  local out, err, st = run(nil, q(missing))
  is(out, ""); is(st, 1); is(err, LUA .. ": cannot open " .. missing .. ": No such file or directory\n")
  write(F.script, "local x = 1\nx = = 2\n")
  out, err, st = run(nil, q(F.script))
  is(st, 1); is(err, LUA .. ": " .. F.script .. ":2: unexpected symbol near '='\n")
  write(F.script, "local function f()\n  error('deep')\nend\nlocal function g() f() end\ng()\n")
  out, err, st = run(nil, q(F.script))
  is(st, 1)
  local tb = LUA .. ": " .. F.script .. ":2: deep\nstack traceback:\n\t[C]: in function 'error'\n" ..
    "\t" .. F.script .. ":2: in upvalue 'f'\n\t" .. F.script .. ":4: in local 'g'\n" ..
    "\t" .. F.script .. ":5: in main chunk\n\t[C]: in ?\n"
  is(err, tb)
  write(F.script, "#!/usr/bin/env lua\nprint('shebang', debug.getinfo(1, 'l').currentline)\n")
  out, err, st = run(nil, q(F.script))
  is(out, "shebang\t2\n"); is(st, 0)
  -- any first line starting with # is skipped; output is flushed before the error report
  write(F.script, "# a comment for the shell\nio.write('before '); print('error'); error('line')\n")
  out, err, st = run(nil, q(F.script))
  is(out, "before error\n"); is(st, 1); is(errhead(err), LUA .. ": " .. F.script .. ":2: line")
end)

T("io.stdout:close() and print afterwards", function()
  local out, err, st = run(nil, "-e " .. q("print(io.stdout:close())\nprint('still', io.type(io.stdout))\n" ..
    "io.write('w'); io.stderr:write('to stderr\\n')"))
  is(out, "nil\tcannot close standard file\nstill\tfile\nw"); is(err, "to stderr\n"); is(st, 0)
end)

T("-i with piped stdin: prompts, expressions, continuation lines, errors", function()
  local banner = "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n"
  local input = "x = 10\n=x + 1\nx\nfunction f()\nreturn 1, 2\nend\nf()\nnil\nprint(\n'a'\n)\n" ..
    "error('boom')\nerror({})\nx = = 1\nlocal y = 5\nprint(y)\nreturn\n"
  local out, err, st = run(nil, "-i", input)
  is(st, 0)
  -- lines read from a pipe are echoed after their prompt, as readline does
  is(out, banner .. "> x = 10\n> =x + 1\n11\n> x\n10\n> function f()\n>> return 1, 2\n>> end\n" ..
    "> f()\n1\t2\n> nil\nnil\n> print(\n>> 'a'\n>> )\na\n> error('boom')\n> error({})\n" ..
    "> x = = 1\n> local y = 5\n> print(y)\nnil\n> return\n> \n")
  is(err, "stdin:1: boom\nstack traceback:\n\t[C]: in function 'error'\n\tstdin:1: in main chunk\n\t[C]: in ?\n" ..
    "(error object is a table value)\nstack traceback:\n\t[C]: in function 'error'\n\tstdin:1: in main chunk\n\t[C]: in ?\n" ..
    "stdin:1: unexpected symbol near '='\n")
  -- _PROMPT and _PROMPT2; end of input inside a statement
  out, err, st = run(nil, "-i", "_PROMPT = 'P> '\n_PROMPT2 = 'Q> '\nfor i = 1, 2 do\nprint(i) end\nif true then\n")
  is(out, banner .. "> _PROMPT = 'P> '\nP> _PROMPT2 = 'Q> '\nP> for i = 1, 2 do\nQ> print(i) end\n1\n2\n" ..
    "P> if true then\nQ> P> \n")
  is(err, "Q> \n")
  -- a script first, then the prompt; -e runs before it
  write(F.script, "print('script ran', ...)\nZ = 7\n")
  out, err, st = run(nil, "-e 'print(\"e\")' -i " .. q(F.script) .. " arg1", "=Z\n")
  is(out, banner .. "e\nscript ran\targ1\n> =Z\n7\n> \n"); is(st, 0)
  out, err, st = run(nil, "-i", "os.exit(5)\nprint('not reached')\n")
  is(out, banner .. "> os.exit(5)\n"); is(st, 5)
  -- the prompt reads its lines a byte at a time (readline); io.read buffers stdin as C's stdio does,
  -- taking the rest of this small input, so the prompt then finds the end of its input
  out, err, st = run(nil, "-i", "x = io.read()\nhello\nprint('not reached')\n")
  is(out, banner .. "> x = io.read()\n> \n"); is(st, 0)
end)

T("-v and -i only print the banner once; -e output follows it", function()
  local out = run(nil, "-v -i -e 'print(1)'", "")
  is(out, "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n1\n> \n")
end)

for _, name in pairs(F) do os.remove(name) end
os.remove(base)
print(failed == 0 and "all passed" or (failed .. " failed"))
