-- A pure-Lua stand-in for the LuaFileSystem calls that Penlight's pl.path,
-- pl.dir and pl.file, luacheck's CLI and LDoc make. lfs is a C module: lua5.4
-- loads Debian's lfs.so and luahost cannot, so a driver that preloads this
-- (package.preload.lfs, searched before any C loader) gives both interpreters
-- the same lfs. It asks the system through io.popen and os.execute (stat, ls,
-- mkdir, rmdir, touch), which puts those library calls under test as well.
-- Only what the drivers need: attributes' mode, size and times, dir, mkdir,
-- rmdir, touch, currentdir; chdir only to where the process already is.
local lfs = { _VERSION = "LuaFileSystem 1.8.0 (pure-Lua stand-in for the tests)" }

local function quote(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function lines(cmd)
  local p = assert(io.popen(cmd, "r"))
  local out = {}
  for l in p:lines() do out[#out + 1] = l end
  p:close()
  return out
end

local modes = {
  ["regular file"] = "file", ["regular empty file"] = "file", ["directory"] = "directory",
  ["symbolic link"] = "link", ["fifo"] = "named pipe", ["socket"] = "socket",
  ["character special file"] = "char device", ["block special file"] = "block device",
}

local function stat(follow, path, what)
  local out = lines("stat " .. (follow and "-L " or "") .. "-c '%F|%s|%Y|%X|%Z|%i|%h|%a' -- "
    .. quote(path) .. " 2>/dev/null")
  if not out[1] then
    return nil, "cannot obtain information from file '" .. path .. "': No such file or directory", 2
  end
  local kind, size, m, a, c, ino, nlink, perm = out[1]:match("^(.-)|(%d+)|(%d+)|(%d+)|(%d+)|(%d+)|(%d+)|(%d+)$")
  local attr = {
    mode = modes[kind] or "other", size = tonumber(size), modification = tonumber(m), access = tonumber(a),
    change = tonumber(c), ino = tonumber(ino), nlink = tonumber(nlink), permissions = perm,
  }
  if type(what) == "string" then
    if attr[what] == nil then error("invalid attribute name '" .. what .. "'", 2) end
    return attr[what]
  end
  if type(what) == "table" then
    for k, v in pairs(attr) do what[k] = v end
    return what
  end
  return attr
end

function lfs.attributes(path, what) return stat(true, path, what) end
function lfs.symlinkattributes(path, what) return stat(false, path, what) end

function lfs.currentdir() return lines("pwd")[1] end

function lfs.chdir(path)
  if path == "." or path == lfs.currentdir() then return true end
  return nil, "chdir is not supported by the test stand-in for lfs"
end

function lfs.dir(path)
  if lfs.attributes(path, "mode") ~= "directory" then
    error("cannot open " .. path .. ": No such file or directory", 2)
  end
  local names = lines("ls -a -- " .. quote(path))
  local i = 0
  local dir = { close = function() end }
  return function() i = i + 1; return names[i] end, dir
end

local function run(cmd, path, message, code)
  if os.execute(cmd .. " -- " .. quote(path) .. " 2>/dev/null") then return true end
  return nil, message, code
end

function lfs.mkdir(path) return run("mkdir", path, "File exists", 17) end
function lfs.rmdir(path) return run("rmdir", path, "Directory not empty", 39) end
function lfs.touch(path) return run("touch", path, "No such file or directory", 2) end

package.preload.lfs = function() return lfs end
package.loaded.lfs = nil
return lfs
