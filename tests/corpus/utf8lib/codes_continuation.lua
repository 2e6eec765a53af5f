-- stray continuation bytes are skipped by the 5.4.4 iterator
local function run(s)
  local out = {}
  local ok, err = pcall(function() for p, c in utf8.codes(s) do out[#out + 1] = p .. ":" .. c end end)
  print(table.concat(out, " "), ok, err)
end
run("\x80ab")
run("a\xc3\xa9\x80")
run("a\x80\x80\x80b")
run("\xbf")
run("é\x80é")
