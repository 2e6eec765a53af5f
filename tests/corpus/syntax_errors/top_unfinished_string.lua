print("ok")
print("not closed)
print("next")
