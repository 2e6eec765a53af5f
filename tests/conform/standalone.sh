#!/usr/bin/env bash
# The standalone interpreter, checked against lua5.4 where a Lua file cannot do it (issue 12,
# conform_suite part C): options -e -l -i -v -E -W - --, LUA_INIT (and LUA_INIT_5_4, @file),
# LUA_PATH, the arg table, exit statuses, a script from stdin, error output. Each case runs on
# the reference and on `./luahost lua` in both tiers (LUAHOST_JAVA_OPTS=-Dluahost.jit=0 for the
# other); stdout, stderr and the status must be the same once the program name (the reference's
# "lua5.4", ours "<path>/luahost lua") and table addresses are written as NAME and ADDR.
#
#   tests/conform/standalone.sh          run every case, print one line per case, exit 1 on a difference
#   tests/conform/standalone.sh -v       also show the differing outputs
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
ref="${LUA:-lua5.4}"
verbose=0; [ "${1:-}" = -v ] && verbose=1
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'return {name = ..., v = 42}\n' > mymod.lua
printf 'print("from init file", ...)\n' > init.lua
printf 'print("script", ...)\nprint(#arg, arg[0], arg[1], arg[2])\nlocal i = -1 while arg[i - 1] do i = i - 1 end\nfor j = i + 1, -1 do io.write(arg[j], " ") end print()\n' > args.lua
printf '#!/usr/bin/env lua\nprint("after the shebang line", select("#", ...))\n' > shebang.lua
printf 'print("in", 1)\nlocal x = = 2\n' > syntax.lua
printf 'print("before")\nerror("boom")\n' > boom.lua
printf 'error(setmetatable({}, {__tostring = function() return "custom object" end}))\n' > objerr.lua
printf 'error({code = 1})\n' > tblerr.lua
printf 'error()\n' > nilerr.lua
printf 'io.write("partial") os.exit(3)\n' > exit3.lua
printf 'os.exit(false)\n' > exitfalse.lua
printf 'os.exit(true)\n' > exittrue.lua
printf 'return 1, 2, 3\n' > returns.lua
printf 'print(package.path)\n' > path.lua
printf 'local t <close> = setmetatable({}, {__close = function() print("closed") end})\nerror("after close var")\n' > closeerr.lua

lh="$root/luahost"
export LUAHOST_NO_BUILD="${LUAHOST_NO_BUILD:-}"
n=0; bad=0
# case NAME STDIN ENV... -- ARGS...
run_case() {
  local name="$1" stdin="$2"; shift 2
  local envs=() 
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  local which out
  for which in ref jit int; do
    out="$work/$which"
    case $which in
      ref) printf '%b' "$stdin" | env -u LUA_INIT -u LUA_INIT_5_4 -u LUA_PATH -u LUA_PATH_5_4 "${envs[@]}" "$ref" "$@" >"$out.out" 2>"$out.err"; echo $? >"$out.st"
           sed -i -e "s#$ref#NAME#g" -e 's/0x[0-9a-f]\{6,\}/ADDR/g' "$out.out" "$out.err" ;;
      jit) printf '%b' "$stdin" | env -u LUA_INIT -u LUA_INIT_5_4 -u LUA_PATH -u LUA_PATH_5_4 "${envs[@]}" "$lh" lua "$@" >"$out.out" 2>"$out.err"; echo $? >"$out.st" ;;
      int) printf '%b' "$stdin" | env -u LUA_INIT -u LUA_INIT_5_4 -u LUA_PATH -u LUA_PATH_5_4 LUAHOST_JAVA_OPTS=-Dluahost.jit=0 "${envs[@]}" "$lh" lua "$@" >"$out.out" 2>"$out.err"; echo $? >"$out.st" ;;
    esac
    [ $which = ref ] || sed -i -e "s#$lh lua#NAME#g" -e 's/0x[0-9a-f]\{6,\}/ADDR/g' "$out.out" "$out.err"
  done
  n=$((n + 1))
  local res=same
  for which in jit int; do
    for part in out err st; do
      cmp -s "$work/ref.$part" "$work/$which.$part" || res="DIFF ($which $part)"
    done
  done
  [ "$res" = same ] || bad=$((bad + 1))
  printf '%-34s %s\n' "$name" "$res"
  if [ "$res" != same ] && [ $verbose = 1 ]; then
    for part in out err st; do diff "$work/ref.$part" "$work/jit.$part" | sed 's/^/    /'; done
  fi
}

run_case "-v"                     "" -- -v
run_case "-v -e"                  "" -- -v -e 'print(1)'
run_case "-e twice, in order"     "" -- -e 'x = 1' -e 'print(x + 1)'
run_case "-e syntax error"        "" -- -e 'x ='
run_case "-e runtime error"       "" -- -e 'error("boom")'
run_case "-e error object"        "" -- -e 'error({})'
run_case "-e needs argument"      "" -- -e
run_case "-l module"              "" LUA_PATH=./?.lua -- -l mymod -e 'print(mymod.name, mymod.v)'
run_case "-l g=module"            "" LUA_PATH=./?.lua -- -l g=mymod -e 'print(g.name, mymod)'
run_case "-l missing module"      "" LUA_PATH=./?.lua -- -l nomod
run_case "-l needs argument"      "" -- -l
run_case "unknown option"         "" -- -x
run_case "-E ignores LUA_INIT"    "" LUA_INIT='print("init ran")' -- -E -e 'print("main")'
run_case "-E ignores LUA_PATH"    "" LUA_PATH=/nowhere/?.lua -- -E -e 'print(package.path:find("nowhere") == nil)'
run_case "LUA_INIT string"        "" LUA_INIT='print("init ran") x = 5' -- -e 'print(x)'
run_case "LUA_INIT @file"         "" LUA_INIT=@init.lua -- -e 'print("main")'
run_case "LUA_INIT_5_4 first"     "" LUA_INIT='print("plain")' LUA_INIT_5_4='print("versioned")' -- -e ''
run_case "LUA_INIT error"         "" LUA_INIT='error("in init")' -- -e 'print("not reached")'
run_case "LUA_INIT @missing"      "" LUA_INIT=@nofile.lua -- -e 'print("not reached")'
run_case "LUA_PATH with ;;"       "" LUA_PATH='./?.lua;;' -- path.lua
run_case "-W warnings on"         "" -- -W -e 'warn("hello ", "world")'
run_case "warn off by default"    "" -- -e 'warn("hidden") warn("@on") warn("shown")'
run_case "arg table"              "" -- args.lua a b
run_case "arg with options"       "" -- -e 'y = 1' args.lua one
run_case "-- ends options"        "" -- -- args.lua -e
run_case "- runs stdin"           'print("stdin script", ...)\nprint(arg[0])\n' -- - p q
run_case "stdin without script"   'print("from stdin")\n' --
run_case "-i with piped stdin"    'print(1 + 1)\nreturn 7, 8\nx = \n' -- -i
run_case "-i after -e"            '=x\n' -- -e 'x = 40' -i
run_case "missing script"         "" -- nofile.lua
run_case "shebang line"           "" -- shebang.lua 1 2
run_case "syntax error in script" "" -- syntax.lua
run_case "runtime error"          "" -- boom.lua
run_case "error object __tostring" "" -- objerr.lua
run_case "error table object"     "" -- tblerr.lua
run_case "error(nil)"             "" -- nilerr.lua
run_case "os.exit(3)"             "" -- exit3.lua
run_case "os.exit(false)"         "" -- exitfalse.lua
run_case "os.exit(true)"          "" -- exittrue.lua
run_case "main chunk returns"     "" -- returns.lua
run_case "<close> then error"     "" -- closeerr.lua
run_case "script args not options" "" -- args.lua -v -e x
# stdout is a regular file here ($work/ref.out): fseek moves it, as io.stdout:seek must
run_case "io.stdout:seek on a file"  "" -- -e 'io.write("abcdef") print(io.stdout:seek("set", 2)) io.write("X") print(io.stdout:seek()) print(io.stdout:seek("end"))'
run_case "io.stderr:seek on a file"  "" -- -e 'io.stderr:write("12345") io.stderr:seek("set", 1) io.stderr:write("x") print(io.stderr:seek("cur", -1))'
echo "$n cases, $bad differ"
[ $bad = 0 ]
