-- Standard-library probe (issue 12): calls every function of the standard libraries under pcall
-- with argument lists drawn from a fixed set of 23 values, and prints each call's results or error
-- message in a form without addresses. The corpus cases of this folder run small slices of it; the
-- full matrix is tests/fuzz/probe.sh (lua5.4 against both luahost tiers). Not tailored to luahost:
-- the value set and the sampling are fixed, the functions are whatever the libraries hold.
--
-- Configuration: a global PROBE table set before dofile, or defaults:
--   libs     list of library names ("_G", "string", ..., "file" for the file methods)
--   minargs, maxargs  0..3: argument counts probed (0 and 1 arguments: every value)
--   full2    true: every pair of values for two arguments, else a sample of `sample` pairs
--   sample   how many argument lists of 2 (when not full2) and 3 arguments to draw per function
--   all      true: also the calls known to differ (the list `known` below)
--   only     optional set of "lib.name" to probe (nil: all)
--   unsafe   true: also the functions that touch files by name (run in an empty folder)
local P = PROBE or {}
local libs = P.libs or {"_G", "string", "table", "math", "utf8", "os", "io", "coroutine", "debug", "file"}
local minargs, maxargs = P.minargs or 0, P.maxargs or 2
local sample = P.sample or 40

local pcall, type, tostring, select, pairs, sort, format = pcall, type, tostring, select, pairs, table.sort, string.format
local mtype, sethook, dsetmt, getmt = math.type, debug.sethook, debug.setmetatable, getmetatable
local stdout, stdin, rawequal, concat, unpack = io.stdout, io.stdin, rawequal, table.concat, table.unpack
local ioinput, iooutput, randomseed, iotype = io.input, io.output, math.randomseed, io.type
local strmt, filemt = getmt(""), getmt(io.stdout)
local write = function(s) stdout:write(s, "\n") end

-- every library function by its name, to show a returned function by name
local fname = {}
for _, lib in ipairs({"string", "table", "math", "utf8", "os", "io", "coroutine", "debug", "package"}) do
  for k, v in pairs(_G[lib]) do if type(v) == "function" then fname[v] = lib .. "." .. k end end
end
for k, v in pairs(_G) do if type(v) == "function" then fname[v] = k end end

local NAMES = {"nil", "true", "false", "0", "1", "-1", "2^53", "maxint", "minint", "1.5", "-0.0", "inf",
  "nan", '""', '"10"', '"0x10"', '"1e2"', '"abc"', "{}", "proxy", "print", "co", "stdout"}
local NV = #NAMES

-- a fresh value list per call: the tables and the coroutine may be changed by the call
local function values()
  local proxy = setmetatable({}, {__index = function(_, k) return k end,
                                  __tostring = function() return "proxy" end})
  local co = coroutine.create(function(...) local a = coroutine.yield(...) return "done", a end)
  return {nil, true, false, 0, 1, -1, 2^53, math.maxinteger, math.mininteger, 1.5, -0.0, 1/0, 0/0,
    "", "10", "0x10", "1e2", "abc", {}, proxy, print, co, io.stdout}
end

-- addresses, and math.atan2's name: the reference names the function math.atan and math.atan2
-- hold by whichever key its (randomly seeded) traversal meets first
local function mask(s) return (s:gsub("0x%x+", "ADDR"):gsub("'math%.atan2'", "'math.atan'")) end

local show
local function shallow(v, args)
  local t = type(v)
  if t == "string" then
    if #v > 120 then return format("%q..(%d bytes)", mask(v:sub(1, 40)), #v) end
    return (format("%q", mask(v)):gsub("\n", "n"))
  elseif t == "number" then
    if mtype(v) == "integer" then return format("%d", v) end
    return "f" .. format("%.17g", v)
  elseif t == "function" then return fname[v] or "function"
  elseif t == "userdata" then
    if rawequal(v, stdout) then return "stdout" end
    if rawequal(v, stdin) then return "stdin" end
    return iotype(v) or "userdata"
  elseif t == "table" or t == "thread" then
    for i = 1, NV do if rawequal(args[i], v) then return "arg:" .. NAMES[i] end end
    return t
  end
  return tostring(v)
end

function show(v, args)
  if type(v) == "table" then
    local s = shallow(v, args)
    if s ~= "table" then return s end
    local keys = {}
    for k in next, v do keys[#keys + 1] = k end
    if #keys > 30 then return "table(" .. #keys .. " keys)" end
    sort(keys, function(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return ta < tb end
      if ta == "number" or ta == "string" then return a < b end
      return false
    end)
    local out = {}
    for i, k in ipairs(keys) do out[i] = shallow(k, args) .. "=" .. shallow(rawget(v, k), args) end
    return "{" .. concat(out, ",") .. "}"
  end
  return shallow(v, args)
end

-- functions whose output depends on the clock, the process or the file system
local skip = {["os.exit"] = true, ["os.execute"] = true, ["io.popen"] = true, ["os.tmpname"] = true,
  ["os.clock"] = true, ["os.getenv"] = false, ["collectgarbage"] = false, ["debug.debug"] = true,
  ["debug.getregistry"] = true, ["io.tmpfile"] = true, ["package.loadlib"] = true}
local unsafe = {["os.remove"] = true, ["os.rename"] = true, ["io.output"] = true, ["io.open"] = true,
  ["io.lines"] = true, ["io.input"] = true, ["dofile"] = true, ["loadfile"] = true, ["require"] = true}

-- argument lists that would print addresses or read the clock
local function excluded(name, args, n, vals)
  -- the values print writes: its arguments, or those after print in pcall(print, ...) and the like
  local from = name == "print" and 1 or nil
  for i = 1, n do if not from and args[i] == 21 then from = i + 1 end end
  for i = from or n + 1, n do
    local t = type(vals[args[i]])
    if t == "function" or t == "thread" or t == "userdata" or (t == "table" and args[i] ~= 20) then return true end
  end
  if name == "io.read" or name == "file:read" then
    -- lua5.4 allocates the buffer first: "not enough memory" for 2^53 or maxint bytes
    for i = 1, n do if args[i] == 7 or args[i] == 8 then return true end end
  elseif name == "os.date" then
    if n < 2 or vals[args[2]] == nil then return true end
  elseif name == "string.rep" then
    -- lua5.4 (5.4.4) loops n times over an empty string and separator: no end for 2^53 or maxint
    local s, k, sep = vals[args[1]], vals[args[2]], vals[args[3]]
    return (s == "" or s == nil) and (sep == nil or sep == "") and (k == 2^53 or k == math.maxinteger)
  elseif name == "table.concat" then
    -- the proxy answers every index: from math.mininteger to 0 is 2^63 pieces
    return args[1] == 20 and args[3] == 9
  elseif name == "math.randomseed" then
    return n == 0
  elseif name == "file:seek" then
    return rawequal(vals[args[1]], stdout) -- lua5.4 seeks in stdout when it is a file
  elseif name == "os.time" then
    if n < 1 or vals[args[1]] == nil then return true end
  elseif name == "collectgarbage" then
    local o = vals[args[1]]
    if n >= 1 and o ~= nil and o ~= "abc" then return false end
    return n == 0 or o == nil
  end
  return false
end

local function restore()
  sethook()
  dsetmt("", strmt); dsetmt(0, nil); dsetmt(nil, nil); dsetmt(true, nil); dsetmt(print, nil)
  dsetmt(stdout, filemt)
  ioinput(stdin); iooutput(stdout)
end

local function pack(...) return select("#", ...), {...} end

-- known differences (README.md, "what differs"), left out unless P.all: debug.getlocal(1, n) under
-- pcall shows pcall's C temporaries, which luahost does not have. (math.cosh and the two-argument
-- math.atan, once left out for their last bit, are glibc's own since luahost calls the C library.)
local function known(name, args, n)
  if name == "debug.getlocal" then return true end
  return false
end

local function call(name, f, args, n)
  local vals = values()
  if excluded(name, args, n, vals) or (not P.all and known(name, args, n)) then return end
  local argv, shown = {}, {}
  for i = 1, n do argv[i] = vals[args[i]]; shown[i] = NAMES[args[i]] end
  randomseed(42)
  local cnt, res = pack(pcall(f, unpack(argv, 1, n)))
  restore()
  local line = name .. "(" .. concat(shown, ",") .. ")"
  if res[1] then
    local out = {}
    for i = 2, cnt do out[#out + 1] = show(res[i], vals) end
    line = line .. " -> " .. concat(out, ", ")
  else
    local e = res[2]
    line = line .. " !! " .. (type(e) == "string" and mask(e) or show(e, vals))
  end
  -- changes made to the plain table argument
  local t = vals[19]
  if next(t) ~= nil then line = line .. "  | {} = " .. show(t, vals) end
  write(line)
end

-- a fixed generator (not math.random, which the probe reseeds for every call)
local state = 1
local function rnd(m) state = (state * 1103515245 + 12345) % 2147483648; return state % m + 1 end
local function hash(s) local h = 7 for i = 1, #s do h = (h * 31 + s:byte(i)) % 2147483647 end return h end

local function probe(name, f)
  if skip[name] or (unsafe[name] and not P.unsafe) then write(name .. ": skipped") return end
  if P.only and not P.only[name] then return end
  if minargs <= 0 then call(name, f, {}, 0) end
  if minargs <= 1 and maxargs >= 1 then for a = 1, NV do call(name, f, {a}, 1) end end
  if minargs <= 2 and maxargs >= 2 then
    if P.full2 then
      for a = 1, NV do for b = 1, NV do call(name, f, {a, b}, 2) end end
    else
      state = hash(name)
      for _ = 1, sample do call(name, f, {rnd(NV), rnd(NV)}, 2) end
    end
  end
  if maxargs >= 3 then
    state = hash(name) + 1
    for _ = 1, sample do call(name, f, {rnd(NV), rnd(NV), rnd(NV)}, 3) end
  end
end

for _, lib in ipairs(libs) do
  local t = lib == "_G" and _G or lib == "file" and filemt.__index or _G[lib]
  local names = {}
  for k, v in pairs(t) do if type(v) == "function" then names[#names + 1] = k end end
  sort(names)
  write("== " .. lib .. ": " .. concat(names, " "))
  for _, k in ipairs(names) do
    probe(lib == "_G" and k or (lib == "file" and "file:" or lib .. ".") .. k, t[k])
  end
end
write("== probe done")
