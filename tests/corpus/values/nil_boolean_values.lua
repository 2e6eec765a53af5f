print(nil, true, false)
print(type(nil), type(true), type(false))
print(tostring(nil), tostring(true), tostring(false))
print(nil == false, true == 1, false == 0, not 0, not "")
print(true and false, true or error("never"), false and error("never"))
print(rawequal(nil, nil), rawequal(true, true), rawequal(false, nil))
local t = {true, false, nil, true}
print(t[1], t[2], t[3], t[4])
