-- comment at top
print("a") -- trailing comment
-- print("never")
print("b") --no space
----------- many dashes
print("c")
-- last line comment without newline at end of file
