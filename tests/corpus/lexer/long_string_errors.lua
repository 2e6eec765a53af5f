local cases = {
  "return [[abc",
  "return [==[abc]=]",
  "return [=abc]=]",
  "--[[ unfinished comment",
  "--[==[ unfinished ]=] comment",
  "return [==x",
}
for i, src in ipairs(cases) do print(i, load(src)) end
