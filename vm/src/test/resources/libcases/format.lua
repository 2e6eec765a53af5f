-- string.format cases (see gen.lua): lua5.4 gen.lua format.lua > format.cases
local inf, nan = math.huge, 0/0
local F = "string.format"

-- every float conversion with every precision, on many values
local fvalues = {0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.05, 0.15, 0.25, 0.35, 0.45, 1/3, 2/3, 0.1, 0.2, 0.3, 3.14159,
  -3.14159, 9.995, 99.5, 999999.5, 9.5, 0.95, 0.0095, 123456789.123, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e100, -1e100,
  1e300, 1.7976931348623157e308, 1e-5, 1e-4, 0.0001234, 1e-300, 2.2250738585072014e-308, 5e-324, 1e-310, 2^53, 2^63,
  -2^63, 2^64, 100, 1e6, 123456, 1234567, 999999, 9999999, 0.9999995, 0.99999949999, 5e-5, 4.9999e-5, 7, -42,
  math.maxinteger, math.mininteger, inf, -inf, nan, -nan, "1.5", "0x10", 1e-7, 1.25e-7, 8.5, 0.125, 1e200 / 3}
local precs = {"", ".0", ".1", ".2", ".3", ".6", ".12", ".14", ".15", ".16", ".17", ".20", ".40", ".99"}
for _, conv in ipairs{"e", "E", "f", "g", "G", "a", "A"} do
  for _, p in ipairs(precs) do
    for _, v in ipairs(fvalues) do case(F, "%" .. p .. conv, v) end
  end
end

-- flags and widths on a few values
local flags = {"", "-", "+", " ", "#", "0", "-+", "+0", " #", "-#0", "+ ", "-0", "0#", "- ", "#+"}
local widths = {"", "1", "12", "99"}
for _, conv in ipairs{"e", "f", "g", "G", "a", "d", "i", "u", "x", "X", "o", "c", "s", "p"} do
  for _, fl in ipairs(flags) do
    for _, w in ipairs(widths) do
      for _, p in ipairs{"", ".0", ".3"} do
        local spec = "%" .. fl .. w .. p .. conv
        if conv == "c" then case(F, spec, 65)
        elseif conv == "s" then case(F, spec, "hello") case(F, spec, "") 
        elseif conv == "p" then case(F, spec, nil)
        else
          for _, v in ipairs{0, -1, 255, -1.5, 1e10, nan} do case(F, spec, v) end
        end
      end
    end
  end
end

-- integers
local ivalues = {0, 1, -1, 7, 8, 10, 15, 16, 255, 256, -255, 1000000, 2^31, -2^31, 2^32, 2^53, math.maxinteger,
  math.mininteger, 3.0, -0.0, 1.5, "10", "0x10", "1e2", " 12 ", "x", 2^63, -2^63, inf, nan, {}, true, nil}
for _, conv in ipairs{"d", "i", "u", "x", "X", "o", "c"} do
  for _, spec in ipairs{"", "5", "-5", "05", ".0", ".3", "10.5", "+", " ", "#", "#.0", "#8", "-#8", "#08", "+08", " 08.3"} do
    for _, v in ipairs(ivalues) do case(F, "%" .. spec .. conv, v) end
  end
end

-- random doubles (all exponents) and precisions
math.randomseed(20240607)
for k = 1, 3000 do
  local bits = {}
  for i = 1, 8 do bits[i] = string.char(math.random(0, 255)) end
  local v = string.unpack("<d", table.concat(bits))
  if k % 3 == 0 then v = math.random() * 10 ^ math.random(-30, 30) end
  if k % 7 == 0 then v = math.random(-1000000, 1000000) / 1000 end
  local conv = ({"e", "f", "g", "a", "E", "G", "A"})[math.random(1, 7)]
  local p = math.random(-1, 30)
  local spec = p < 0 and ("%" .. conv) or ("%." .. p .. conv)
  if conv == "f" and math.abs(v) > 1e30 then spec = "%.3f" end
  case(F, spec, v)
end

-- strings, %s, %q, %c and %%
for _, s in ipairs{"", "abc", "a\0b", "\0", "\r\n\t\"\\", "\1\0012\127\128\255", "x\n", string.rep("a", 99),
  string.rep("b", 100), string.rep("c", 150), "\0009", "1\0002"} do
  for _, spec in ipairs{"%s", "%5s", "%-5s", "%.2s", "%10.3s", "%.0s", "%q", "[%s]", "%.200s", "%99s", "%-99.99s"} do
    case(F, spec, s)
  end
end
for _, v in ipairs{1, -1, 0, 1.5, -0.0, 1e100, 2^63, math.mininteger, math.maxinteger, inf, -inf, nan, true, false,
  nil, {}, NAMED.yes, 0.1, 1/3, 5e-324, 255, -255.5} do
  case(F, "%q", v) case(F, "%s", v) case(F, "%5s|", v)
end
case(F, "%q") case(F, "%5q", "x") case(F, "%-q", "x") case(F, "%.3q", "x")
for _, v in ipairs{0, 65, 255, 256, 321, -1, -191, 2^40 + 66, 1.0, 1.5, "70"} do case(F, "%c", v) case(F, "%3c|%-3c|", v, v) end
case(F, "%%") case(F, "%5%") case(F, "%-%") case(F, "%5%", 1) case(F, "100%%") case(F, "%%%d%%", 5) case(F, "%")
case(F, "abc%") case(F, "%", 1) case(F, "abc%", 1) case(F, "%10", 1) case(F, "%-10.3", 1) case(F, "%1$d", 1)
case(F, "%ld", 1) case(F, "%hd", 1) case(F, "%lld", 1) case(F, "%F", 1) case(F, "%b", 1) case(F, "%n", 1) case(F, "%y", 1)
case(F, "%\0", 1) case(F, "%5\0d", 1) case(F, "a\0b%dc\0", 1) case(F, "%s%s", "a\0", "\0b")

-- specification limits
for _, spec in ipairs{"%99d", "%100d", "%.99d", "%.100d", "%99.99f", "%100.1f", "%1.100f", "%099d", "%0099d", "%-099d",
  "%00000000000000000001d", "%000000000000000000001d", "%--------------------d", "%---------------------d",
  "%+++++d", "%     d", "%#####x", "%0-+ #5.3f", "%.", "%.d", "%5.d", "%.f", "%#.x", "%1.2.3d", "%..3d", "%-5.3.2s",
  "%5-d", "%05s", "%.5c", "%+5x", "%+.3u", "%-03u", "% u", "%#u", "%#c", "%#s", "%+s", "% s", "%0s", "%5.3p",
  "%-5p", "%#p", "%+p", "%05p", "%.3p", "%#123e", "%123a", "%#123a", "%.123a", "%+5.3s", "%-+ #0d", "%-+ #0e", "%-+ #0a"} do
  case(F, spec, 1)
  if spec:sub(-1) == "p" then caseq(F, spec, "x") else case(F, spec, "x") end
end

-- argument counts and mixtures
case(F) case(F, nil) case(F, {}) case(F, 12) case(F, 1.5) case(F, "%d %d", 1) case(F, "%d", nil) case(F, "%s %s", 1, 2.0)
case(F, "%s|%d|%5.2f|%x|%q|%c", "str", 42, 3.14159, 255, "q\n", 65)
case(F, "no conversions") case(F, "extra args", 1, 2, 3) case(F, "%d%%%s", 1, "x") case(F, "%s", 1e15)
case(F, "%s %s %s", 1e100, -0.0, 2^63) case(F, "%.14g", 0.1) case(F, "%.3f", "1.5") case(F, "%f", "x") case(F, "%x", "x")
case(F, "%5.1f|%-8.3e|%+g", 3.14159, 3.14159, 3.14159) case(F, "%p", 1) caseq(F, "%p", "x") case(F, "%10p", nil)
