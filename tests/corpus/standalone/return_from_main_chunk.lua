print("returning values from the main chunk is ignored")
do return 1, 2, 3 end
print("never")
