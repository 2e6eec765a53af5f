-- debian: lua-busted lua-inspect lua-say lua-argparse lua-luassert lua-moses lua-binaryheap lua-fifo lua-mediator
-- The libraries' own test suites, written by their authors: the busted specs
-- of inspect.lua 3.1.1, say 1.4.1, argparse 0.7.1, luassert 1.9.0, Moses
-- 2.1.0, binaryheap 0.4, fifo 0.2 and mediator_lua 1.1.2 (ansicolors' specs need
-- busted 1's assert_equal),
-- copied unchanged from the Debian source packages (apt-get source;
-- upstream/NAME/spec, with each project's licence) and run by busted
-- (support/busted_run.lua) against the installed libraries, with
-- --verbose failure reports. Each suite is copied into the working folder
-- first: the specs find their helpers relative to it (`require
-- 'spec.unindent'`, "./spec/script.lua", which argparse's specs start with the
-- system's `lua`, the same for both interpreters).
local here = arg[0]:match("^(.*)/") or "."
local S = dofile(here .. "/support/show.lua")
S.use51()
local busted, exit = loadfile(here .. "/support/busted_run.lua")(here)
S.where("busted.runner")
for _, name in ipairs({ "inspect", "say", "argparse", "luassert", "moses", "binaryheap", "fifo", "mediator" }) do
  assert(os.execute("rm -rf spec && cp -r '" .. here .. "/upstream/" .. name .. "/spec' spec"))
  print("== suite " .. name)
  busted("-o", "plainTerminal", "--verbose", "spec")
end
exit(0)
