-- lua.c runs its state in generational mode: a step never reports the end of a cycle
print(collectgarbage("step"))
print(collectgarbage("step", 0))
-- in incremental mode, a large enough step finishes a cycle
collectgarbage("incremental")
print(collectgarbage("step", 1000000))
collectgarbage("generational")
print(collectgarbage("step", 1000000))
