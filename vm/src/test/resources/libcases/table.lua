-- table library cases (see gen.lua)
local F = NAMED
-- concat
for _, t in ipairs{{}, {1}, {1, 2, 3}, {"a", "b", "c"}, {1, 2.5, "x", 2^63, -0.0, 1e100, 0/0}, {1, {}, 3},
                   {true}, {"a\0b", "c"}, {1, 2, 3, n = 5}} do
  case("table.concat", t)
  case("table.concat", t, ", ")
  case("table.concat", t, "", 2)
  case("table.concat", t, "-", 2, 3)
  case("table.concat", t, "-", 3, 2)
  case("table.concat", t, "-", 1, 4)
end
case("table.concat", {1, 2, 3}, 0) case("table.concat", {1, 2, 3}, 1.5, 1, 2) case("table.concat", {1, 2}, {})
case("table.concat", {1, 2}, nil, nil, nil) case("table.concat", {1, 2}, "", "x") case("table.concat", {1, 2}, "", 1, "y")
case("table.concat", {1, 2}, "", 1.5) case("table.concat", {"a", "b"}, "", "1", "2") case("table.concat", {}, "x", math.maxinteger, math.maxinteger)
case("table.concat", {}, "x", math.mininteger, math.mininteger) case("table.concat", nil) case("table.concat", "abc")
case("table.concat") case("table.concat", 5) case("table.concat", {[-1] = "a", [0] = "b"}, ",", -1, 0)
-- insert
local function ins(...) case("table.insert", ...) end
ins({}, 1) ins({1, 2, 3}, 4) ins({1, 2, 3}, 1, 0) ins({1, 2, 3}, 2, "x") ins({1, 2, 3}, 4, "y") ins({1, 2, 3}, 5, "z")
ins({1, 2, 3}, 0, "z") ins({1, 2, 3}, -1, "z") ins({}, 1, "a") ins({}, 2, "a") ins({}, 0, "a") ins({1, 2}, 1.0, "f")
ins({1, 2}, 1.5, "f") ins({1, 2}, "2", "s") ins({1, 2}, "x", "s") ins({1, 2}, nil, "s") ins({1, 2}, math.mininteger, 1)
ins({1, 2}, math.maxinteger, 1) ins({1, 2}, 3, nil) ins({1, 2}, 1, nil) ins({}, 1, 2, 3) ins({}) ins() ins(nil, 1) ins("x", 1)
ins({n = 1}, "v") ins({[0] = 0}, 1, "one")
-- remove
local function rem(...) case("table.remove", ...) end
rem({1, 2, 3}) rem({1, 2, 3}, 1) rem({1, 2, 3}, 2) rem({1, 2, 3}, 3) rem({1, 2, 3}, 4) rem({1, 2, 3}, 5) rem({1, 2, 3}, 0)
rem({1, 2, 3}, -1) rem({}) rem({}, 0) rem({}, 1) rem({}, 2) rem({}, -1) rem({[0] = "z"}) rem({[0] = "z"}, 0)
rem({1, 2, 3}, 1.0) rem({1, 2, 3}, 1.5) rem({1, 2, 3}, "2") rem({1, 2, 3}, "x") rem({1, 2, 3}, nil) rem(nil) rem()
rem("abc") rem({n = 3}) rem({1, 2, 3}, math.mininteger) rem({1, 2, 3}, math.maxinteger)
-- move
local function mv(...) case("table.move", ...) end
mv({1, 2, 3}, 1, 3, 2) mv({1, 2, 3}, 1, 3, 1) mv({1, 2, 3}, 2, 3, 1) mv({1, 2, 3}, 1, 3, 3) mv({1, 2, 3}, 1, 3, 5)
mv({1, 2, 3}, 1, 3, -1) mv({1, 2, 3}, 3, 1, 1) mv({1, 2, 3}, 1, 0, 1) mv({1, 2, 3}, 1, 3, 1, {}) mv({1, 2, 3}, 2, 3, 1, {9, 9, 9})
mv({1, 2, 3}, 1, 3, 2, {}) mv({1, 2, 3}, 1, 3, 2, nil) mv({1, 2, 3}, 0, 2, 1) mv({[0] = 0, 1, 2}, 0, 2, 5)
mv({1, 2, 3}, 1, math.maxinteger, 2) mv({1, 2, 3}, -1, math.maxinteger, 2) mv({1, 2, 3}, 0, math.maxinteger - 1, 2)
mv({1, 2, 3}, 1, 3, math.maxinteger) mv({1, 2, 3}, 1, 3, math.maxinteger - 2) mv({1, 2, 3}, 1, 3, math.maxinteger - 1)
mv({1, 2, 3}, math.mininteger, math.mininteger + 2, 1)
mv({1, 2, 3}, 1, 3, 2, "x") mv({1, 2, 3}, 1) mv({1, 2, 3}, 1, 2) mv({1, 2, 3}, 1.5, 2, 3) mv({1, 2, 3}, 1, 2, "3")
mv(nil, 1, 2, 3) mv(nil) mv() mv("x", 1, 2, 3) mv({1, 2, 3}, 1, 2, 3, 4) mv({1, 2, 3}, "1", "2", "3")
-- pack / unpack
case("table.pack") case("table.pack", nil) case("table.pack", 1, nil, 3) case("table.pack", nil, nil)
case("table.pack", "a", {}, 2.5)
local function unp(...) case("table.unpack", ...) end
unp({}) unp({1, 2, 3}) unp({1, 2, 3}, 2) unp({1, 2, 3}, 2, 3) unp({1, 2, 3}, -1, 1) unp({1, 2, 3}, 3, 2) unp({1, 2, 3}, 0)
unp({1, 2, 3}, nil, 2) unp({1, 2, 3}, 1.0, 2.0) unp({1, 2, 3}, 1.5) unp({1, 2, 3}, "2") unp({1, 2, 3}, "x")
unp({1, 2, 3}, 1, "x") unp({}, 1, 1e8) unp({}, 1, 1e6) unp({}, math.mininteger, math.maxinteger)
unp({}, math.maxinteger, math.maxinteger) unp({}, math.mininteger, math.mininteger) unp({}, math.maxinteger - 1, math.maxinteger)
unp({}, 0, math.maxinteger) unp({}, 1, 0) unp({}, math.maxinteger, math.mininteger) unp("abc") unp(nil) unp() unp(nil, 1, 2)
unp(nil, 2, 1) unp(5, 1, 1) unp({n = 2}) unp({[0] = "z", "a"}, 0)
-- sort
local function srt(...) case("table.sort", ...) end
srt({}) srt({1}) srt({2, 1}) srt({3, 1, 2}) srt({5, 2, 8, 1, 9, 3}) srt({3, 1, 2}, F.gt) srt({"b", "a", "c"})
srt({"b", "a", "C", "", "ab", "a\0"}) srt({2.5, 1, -3, 1.0, 2^63, -2^63, math.mininteger, math.maxinteger, -0.0, 0})
srt({3, 1, 2}, nil) srt({3, 1, "x"}) srt({3, "1", 2}) srt({3, 1, {}}) srt({{}, {}}) srt({true, false})
srt({3, 1, 2}, 1) srt({3, 1, 2}, "x") srt({2, 1}, {}) srt({}, 1) srt({1}, "x") srt(nil) srt() srt("abc") srt({3, 2, 1}, F.boom)
srt({3, 2, 1, 4}, F.nilcmp) srt({1, 2}, F.yes) srt({1, 2, 3}, F.yes) srt({3, 2, 1}, F.no)
for n = 4, 12 do local t = {} for i = 1, n do t[i] = i end srt(t, F.yes) end
for n = 4, 12 do local t = {} for i = 1, n do t[i] = n - i end srt(t, F.yes) end
srt({0/0, 1, 0/0, 2}) srt({1, 0/0, 3, 2, 0/0, 0, 5, -1}) srt({0/0, 0/0, 0/0, 0/0, 0/0}) srt({5, 3, 0/0, 1, 4, 2, 0/0, 9, 8, 7, 6, 0/0})
srt({1, 2, 3, 2.5, 0/0, 1.5}) srt({-(0/0), 2, 1})
local words = {} for w in ("pear apple plum avocado banana blueberry cherry cranberry peach apricot kiwi lime lemon mango melon papaya grape guava fig date"):gmatch("%S+") do words[#words + 1] = w end
srt(words, F.first) srt(words) srt(words, F.gt)
local recs = {} for i = 1, 40 do recs[i] = {k = (i * 7) % 5, id = i} end
srt(recs, F.byk)
-- larger arrays: the exact permutation of equal keys shows the algorithm
math.randomseed(5)
for _, n in ipairs{50, 99, 100, 101, 150, 257, 1000} do
  local t, r, s = {}, {}, {}
  for i = 1, n do t[i] = math.random(1, n // 3 + 1) r[i] = {k = math.random(1, 10), id = i} s[i] = math.random(-100, 100) + math.random(0, 1) * 0.5 end
  srt(t) srt(r, F.byk) srt(s) srt(s, F.gt)
  local w = {} for i = 1, n do w[i] = string.char(math.random(97, 100), math.random(97, 122)) end
  srt(w) srt(w, F.first)
  local u = {} for i = 1, n do u[i] = i end srt(u) srt(u, F.gt)
  local v = {} for i = 1, n do v[i] = i % 2 == 0 and i or i + 0.5 end srt(v, F.gt)
end
