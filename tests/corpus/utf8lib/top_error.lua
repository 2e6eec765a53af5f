-- an uncaught error from utf8.codes at top level
for p, c in utf8.codes("ab\xffcd") do
  print(p, c)
end
