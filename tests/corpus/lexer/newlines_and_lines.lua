-- line counting with different newline conventions (via load)
local function where(src)
  local f, err = load(src, "=src")
  if not f then return err end
  local ok, e = pcall(f)
  return e
end
print(where("x = 1\nerror('lf')"))
print(where("x = 1\r\nerror('crlf')"))
print(where("x = 1\rerror('cr')"))
print(where("x = 1\n\rerror('lfcr')"))
print(where("x = 1\n\nerror('two')"))
print(where("local s = [[\r\n\r\n]] error('after long string')"))
print(#load("return [[\r\nabc\r\ndef]]")(), (load("return [[\r\nabc\r\ndef]]")():gsub("\n", "N")))
print(where("x = 1 --[[ comment\n\n]] error('after long comment')"))
print(where("x = 'a\\\nb' error('after escaped newline')"))
