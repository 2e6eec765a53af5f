-- typical text processing with the utf8 library
local text = "Grüße aus Köln — 日本語 and 😀 emoji"
print(#text, utf8.len(text))
local rev = {}
for _, c in utf8.codes(text) do table.insert(rev, 1, utf8.char(c)) end
print(table.concat(rev))
local function usub(s, i, j)
  local a = utf8.offset(s, i)
  local b = j and (utf8.offset(s, j + 1) or #s + 1) - 1 or #s
  return s:sub(a, b)
end
print(usub(text, 1, 5), usub(text, 7, 9), usub(text, -8))
local upper = 0
for _, c in utf8.codes(text) do if c >= 65 and c <= 90 then upper = upper + 1 end end
print(upper)
local widths = {}
for p, c in utf8.codes(text) do local n = #utf8.char(c) widths[n] = (widths[n] or 0) + 1 end
print(widths[1], widths[2], widths[3], widths[4])
