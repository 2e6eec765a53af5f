-- loadfile, dofile and require parse on top of the C calls active when they run, as load does
-- (conform_load/load_nesting_ccalls): the depth at which the parse fails with "C stack overflow"
local base = os.tmpname()
os.remove(base)
local path = base .. "_deep.lua"
local function mk(n) return "return " .. string.rep("(", n) .. "1" .. string.rep(")", n) end
local function th(loader)
  for n = 190, 200 do
    local f = assert(io.open(path, "w")); f:write(mk(n)); f:close()
    local ok, r = pcall(loader, path)
    if not ok or r == nil then return n end
  end
end
print("loadfile", th(function(p) return loadfile(p) end))
print("dofile", th(function(p) return dofile(p) end))
package.path = base .. "_?.lua"
print("require", th(function(p) package.loaded.deep = nil; return require("deep") end))
print("loadfile in a coroutine", coroutine.wrap(function() return th(function(p) return loadfile(p) end) end)())
os.remove(path)
