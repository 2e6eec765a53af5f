-- every C99 strftime conversion, in UTC ("!") and in the local zone (TZ=UTC when the corpus runs)
local all = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%"
for _, t in ipairs{0, 1700000000, 951782400, 1104537600, 1230681600, 1262217600, 43200, 43199, 46800, 86399, -1, 2^31} do
  print(t, os.date("!" .. all, t))
  print(t, os.date(all, t))
end
