-- lib_luacheck.lua: a large-code program: luacheck 1.1 (Debian package lua-check, a Lua
-- linter of about 9,600 lines in 40 modules: a lexer, a parser, a linearizer into an
-- intermediate form and a dozen analysis passes), loaded from its installed path, linting
-- real sources written by others: its own modules and Penlight's (package lua-penlight),
-- 82 files and 23,685 lines, read once and checked ROUNDS times through
-- luacheck.check_strings. Most of its functions run a handful of times per file, so the
-- first tier and the warm-up weigh as in a real tool run (issue 14's "large-code program").
-- Size parameter (arg[1]): rounds (default 2). Prints a summary per round.
local ROUNDS = tonumber(arg and arg[1]) or 2
package.path = "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua;" .. package.path
-- LuaJ 3.0.1 has no package.config (luacheck reads its directory separator from it)
package.config = package.config or "/\n;\n?\n!\n-\n"
local luacheck = require("luacheck")

local modules = {
  "luacheck/init", "luacheck/cache", "luacheck/check", "luacheck/check_state", "luacheck/config",
  "luacheck/core_utils", "luacheck/decoder", "luacheck/expand_rockspec", "luacheck/filter",
  "luacheck/format", "luacheck/fs", "luacheck/globbing", "luacheck/lexer", "luacheck/main",
  "luacheck/multithreading", "luacheck/options", "luacheck/parser", "luacheck/profiler",
  "luacheck/runner", "luacheck/serializer", "luacheck/standards", "luacheck/unicode",
  "luacheck/utils", "luacheck/version",
  "luacheck/stages/detect_bad_whitespace", "luacheck/stages/detect_compound_operators",
  "luacheck/stages/detect_cyclomatic_complexity", "luacheck/stages/detect_empty_blocks",
  "luacheck/stages/detect_empty_statements", "luacheck/stages/detect_globals",
  "luacheck/stages/detect_reversed_fornum_loops", "luacheck/stages/detect_unbalanced_assignments",
  "luacheck/stages/detect_uninit_accesses", "luacheck/stages/detect_unreachable_code",
  "luacheck/stages/detect_unused_fields", "luacheck/stages/detect_unused_locals",
  "luacheck/stages/init", "luacheck/stages/linearize", "luacheck/stages/name_functions",
  "luacheck/stages/parse", "luacheck/stages/parse_inline_options", "luacheck/stages/resolve_locals",
  "luacheck/stages/unwrap_parens",
  "pl/app", "pl/array2d", "pl/class", "pl/compat", "pl/comprehension", "pl/config", "pl/data",
  "pl/Date", "pl/dir", "pl/file", "pl/func", "pl/import_into", "pl/init", "pl/input",
  "pl/lapp", "pl/lexer", "pl/List", "pl/luabalanced", "pl/Map", "pl/MultiMap", "pl/operator",
  "pl/OrderedMap", "pl/path", "pl/permute", "pl/pretty", "pl/seq", "pl/Set", "pl/sip",
  "pl/strict", "pl/stringio", "pl/stringx", "pl/tablex", "pl/template", "pl/test", "pl/text",
  "pl/types", "pl/url", "pl/utils", "pl/xml",
}

local sources, names, lines = {}, {}, 0
for _, m in ipairs(modules) do
  local f = io.open("/usr/share/lua/5.1/" .. m .. ".lua", "rb")
  if f then
    local s = f:read("*a")
    f:close()
    sources[#sources + 1] = s
    names[#names + 1] = m
    for _ in s:gmatch("\n") do lines = lines + 1 end
  end
end
print(("%d files, %d lines"):format(#sources, lines))

for round = 1, ROUNDS do
  local report = luacheck.check_strings(sources, {std = "max", max_line_length = 100})
  local codes, total = {}, 0
  for i, file_report in ipairs(report) do
    for _, issue in ipairs(file_report) do
      codes[issue.code] = (codes[issue.code] or 0) + 1
      total = total + 1
      if round == ROUNDS and i % 20 == 1 and issue.line < 40 then
        print(("%s:%d:%d: (W%s) %s"):format(names[i], issue.line, issue.column, issue.code,
          luacheck.get_message(issue)))
      end
    end
  end
  local keys = {}
  for k in pairs(codes) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. codes[k] end
  print(("round %d: %d warnings, %d errors, %d fatal; %s"):format(round, report.warnings,
    report.errors, report.fatals, table.concat(parts, " ")))
end
