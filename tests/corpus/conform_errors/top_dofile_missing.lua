-- dofile's "cannot open" error is raised inside dofile: the traceback names it
print("before")
dofile("no_such_file_here.lua")
