-- utf8.codes raises "invalid UTF-8 code" at the bad sequence
local function run(s, lax)
  local out = {}
  local ok, err = pcall(function() for p, c in utf8.codes(s, lax) do out[#out + 1] = p .. ":" .. c end end)
  print(table.concat(out, " "), ok, err)
end
run("a\xffb")
run("ab\xc3")
run("\xed\xa0\x80")
run("\xed\xa0\x80", true)
run("\xf4\x90\x80\x80z")
run("\xf4\x90\x80\x80z", true)
run("x\xc0\x80")
run("x\xc0\x80", true)
run("ok\xfe")
