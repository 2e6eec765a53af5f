--[[ a long comment
spanning lines ]] print("after level0")
--[=[ contains ]] still comment ]=] print("after level1")
--[==[ contains ]=] and ]] ]==] print("after level2")
--[===[
]==]
]===] print("after level3")
--[ not a long comment, just a line comment
print("line comment with bracket ok")
--[=x this is a line comment too
print("bad-level bracket is a line comment")
---[[ three dashes: line comment
print("triple dash trick")
--]]
x = 1 --[[ inline ]] + 2
print("inline comment in expr", x)
