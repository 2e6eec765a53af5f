-- widths and flags across conversions
for _, flags in ipairs{"", "-", "0", "+", " ", "#", "-+", "0+", "- #"} do
  local row = {}
  for _, conv in ipairs{"d", "x", "o", "e", "f", "g", "a", "s", "c"} do
    local spec = "%" .. flags .. "9" .. conv
    local arg = (conv == "s") and "str" or (conv == "c") and 67 or ((conv == "d" or conv == "x" or conv == "o") and 42 or -4.2)
    local ok, r = pcall(string.format, spec, arg)
    row[#row + 1] = ok and ("[" .. r .. "]") or "ERR"
  end
  print(string.format("%-4s", flags), table.concat(row, " "))
end
