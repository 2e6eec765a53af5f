local t = setmetatable({present = "yes"}, {__index = function(_, k) return "default" end})
print(t.present, t.absent, rawget(t, "absent"))
t.absent = false
print(t.absent)
t.absent = nil
print(t.absent)
