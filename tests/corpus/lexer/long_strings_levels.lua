local s0 = [[level0]]
local s1 = [=[level1 ]] inside]=]
local s2 = [==[level2 ]=] ]] inside]==]
local s3 = [===[level3 [[ [=[ [==[ ]==] inside]===]
local s4 = [====[level4]====]
print(s0) print(s1) print(s2) print(s3) print(s4)
local first_nl = [[
starts after newline]]
print(first_nl, #first_nl)
local multi = [==[
line1
line2
]==]
print(#multi, (multi:gsub("\n", "|")))
local no_escapes = [[a\nb\t\65]]
print(no_escapes, #no_escapes)
local empty = [[]]
print("empty", #empty)
local just_nl = [[

]]
print("just_nl", #just_nl)
