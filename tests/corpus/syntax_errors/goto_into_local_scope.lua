print(load("goto f; local x; ::f:: print(x)"))
print(load("do goto l; local a = 1; ::l:: a = 2 end"))
print(load("goto l2\nlocal y = 1\nlocal z = 2\n::l2::\nprint(y)"))
-- a label at the end of the block is fine even after a local
print(load("do goto e; local x = 1; ::e:: end") ~= nil)
print(load("do goto e; local x = 1; ::e:: ; ; end") ~= nil)
