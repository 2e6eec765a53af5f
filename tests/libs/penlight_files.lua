-- debian: lua-penlight
-- Penlight 1.13 (Debian lua-penlight) modules that need LuaFileSystem: pl.path,
-- pl.dir, pl.file, pl.app, pl.utils' file helpers, pl.input and pl.data over
-- files, in the empty working folder of the run, with error cases (missing
-- files and folders, wrong argument types). lfs is C: both interpreters get
-- the pure-Lua stand-in in support/lfs.lua (stat, ls, mkdir through io.popen
-- and os.execute). Also runs Penlight's own examples that need no terminal.
local here = arg[0]:match("^(.*)/") or "."
local S = dofile(here .. "/support/show.lua")
S.use51()
dofile(here .. "/support/lfs.lua")
S.where("pl.path")
local check, show = S.check, S.show
local path = require("pl.path")
local dir = require("pl.dir")
local file = require("pl.file")
local utils = require("pl.utils")
local tablex = require("pl.tablex")
local cwd = path.currentdir():gsub("%p", "%%%0")  -- a pattern
local function rel(v)  -- the working folder is a fresh temporary one
  if type(v) == "string" then return (v:gsub(cwd, "<cwd>", 1)) end
  if type(v) == "table" then
    local t = {}
    for k, x in pairs(v) do t[k] = rel(x) end
    if #t > 0 and type(t[1]) == "string" then table.sort(t) end
    return t
  end
  return v
end
local function c(label, f, ...)
  local r = table.pack(pcall(f, ...))
  for i = 2, r.n do r[i] = rel(r[i]) end
  if not r[1] then print(label .. ": error " .. tostring(r[2])) return end
  print(label .. ": " .. show(table.pack(table.unpack(r, 2, r.n))))
end

-- pl.path: pure string functions
for _, p in ipairs({ "/a/b/c.txt", "a/b/", "c.tar.gz", ".bashrc", "/", "", "a/../b/./c", "~/x", "a//b" }) do
  c("splitpath " .. p, path.splitpath, p)
  c("splitext " .. p, path.splitext, p)
  c("basename/dirname/ext " .. p, function() return path.basename(p), path.dirname(p), path.extension(p) end)
  c("normpath " .. p, path.normpath, p)
  c("isabs " .. p, path.isabs, p)
end
c("join", path.join, "a", "b", "/c", "d")
c("join one", path.join, "a")
c("relpath", path.relpath, "/a/b/c/d", "/a/b/x")
c("relpath same", path.relpath, "/a/b", "/a/b")
c("abspath", path.abspath, "x/../y")
c("common_prefix", path.common_prefix, "/a/b/cd", "/a/b/ce")
c("expanduser", function() return path.expanduser("~/x") ~= nil end)
c("normcase", path.normcase, "A/B")
c("package_path", function() local p1 = path.package_path("pl.path") return p1 end)
c("splitpath number", path.splitpath, 42)
c("splitpath nil", path.splitpath, nil)
c("join table", path.join, {}, "x")

-- pl.file and pl.utils file helpers, pl.path queries on real files
c("write", file.write, "one.txt", "line one\nline two\n")
c("read", file.read, "one.txt")
c("read binary", file.read, "one.txt", true)
c("readlines", utils.readlines, "one.txt")
c("writefile", utils.writefile, "two.txt", "2\n3.5\n0x10 -7\n")
c("readfile", utils.readfile, "two.txt")
c("read missing", file.read, "nope.txt")
c("readlines missing", utils.readlines, "nope.txt")
c("write into missing folder", file.write, "no/such/dir/x.txt", "x")
c("write number", file.write, "num.txt", 42)
c("read num", file.read, "num.txt")
c("exists", path.exists, "one.txt")
c("exists missing", path.exists, "nope.txt")
c("isfile/isdir", function() return path.isfile("one.txt"), path.isdir("one.txt"), path.isdir("."), path.isfile(".") end)
c("getsize", path.getsize, "one.txt")
c("getsize missing", path.getsize, "nope.txt")
c("attrib mode", path.attrib, "one.txt", "mode")
c("attrib missing", path.attrib, "nope.txt")
c("copy", file.copy, "one.txt", "three.txt")
c("read copy", file.read, "three.txt")
c("move", file.move, "three.txt", "four.txt")
c("exists after move", function() return path.exists("three.txt"), path.exists("four.txt") end)
c("delete", file.delete, "four.txt")
c("delete missing", file.delete, "four.txt")
c("copy missing", file.copy, "nope.txt", "x.txt")

-- pl.dir
c("mkdir", path.mkdir, "sub")
c("mkdir again", path.mkdir, "sub")
c("makepath", dir.makepath, "deep/er/est")
c("isdir deep", path.isdir, "deep/er/est")
c("write deep", file.write, "deep/er/est/f.lua", "return 1\n")
c("write deep2", file.write, "deep/er/g.txt", "g\n")
c("getfiles", dir.getfiles, ".")
c("getfiles mask", dir.getfiles, ".", "*.txt")
c("getdirectories", dir.getdirectories, ".")
c("getallfiles", dir.getallfiles, "deep")
c("getallfiles mask", dir.getallfiles, "deep", "*.lua")
c("fnmatch", dir.fnmatch, "abc.lua", "*.lua")
c("fnmatch no", dir.fnmatch, "abc.lua", "a?d*")
c("filter", dir.filter, { "a.lua", "b.txt", "c.lua" }, "*.lua")
local walked = {}
for root, dirs, files in dir.walk("deep", false) do
  table.sort(dirs); table.sort(files)
  walked[#walked + 1] = rel(root) .. " " .. table.concat(dirs, ",") .. " | " .. table.concat(files, ",")
end
table.sort(walked)
print("walk: " .. table.concat(walked, "; "))
c("dirtree", function()
  local out = {}
  for name, isdir in dir.dirtree("deep") do out[#out + 1] = rel(name) .. (isdir and "/" or "") end
  table.sort(out)
  return out
end)
c("copyfile", dir.copyfile, "one.txt", "sub/one.txt")
c("movefile", dir.movefile, "sub/one.txt", "sub/uno.txt")
c("getfiles sub", dir.getfiles, "sub")
c("getfiles missing", dir.getfiles, "nope")
c("rmdir non-empty", path.rmdir, "sub")
c("rmtree", dir.rmtree, "deep")
c("rmtree missing", dir.rmtree, "deep")
c("isdir after", path.isdir, "deep")
c("rmtree file", dir.rmtree, "one.txt")
c("clonetree", dir.clonetree, "sub", "sub2")
c("getfiles sub2", dir.getfiles, "sub2")

-- pl.input and pl.data on a file
file.write("data.txt", "x,y,name\n1,2.5,a\n3,4e2,b\n-5,0x10,c\n")
local data = require("pl.data")
c("data.read", function()
  local d = assert(data.read("data.txt"))
  return d.fieldnames, d:column_by_name("x"), d:column_by_name("name")
end)
c("data.read missing", data.read, "nope.txt")
local input = require("pl.input")
c("input.numbers", function()
  local f = assert(io.open("two.txt"))
  local out = {}
  for n in input.numbers(f) do out[#out + 1] = n end
  f:close()
  return out
end)
c("input.fields", function()
  local out = {}
  for a, b in input.fields(2, ",", "data.txt") do out[#out + 1] = tostring(a) .. "/" .. tostring(b) end
  return out
end)

-- pl.app
local app = require("pl.app")
c("parse_args", app.parse_args, { "-v", "--name=x", "--flag", "file1", "-abc", "file2" })
c("parse_args flags", app.parse_args, { "-n", "5", "rest" }, { n = true })
c("platform", app.platform)
c("lua", function() return type(app.lua()) end)

-- Penlight's own examples (lua-penlight-dev), run unchanged
for _, name in ipairs({ "seesubst.lua", "symbols.lua", "test-cmp.lua", "test-listcallbacks.lua",
    "test-pretty.lua", "testinputfields.lua", "testinputfields2.lua", "testxml.lua" }) do
  local f = "/usr/share/doc/lua-penlight-dev/examples/" .. name
  if path.exists(f) then
    print("example " .. name)
    local ok, err = pcall(dofile, f)
    if not ok then print("example error", err) end
  end
end
