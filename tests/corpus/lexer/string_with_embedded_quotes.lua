print("it's", 'say "hi"', [[both ' and "]], "tab\there")
print(#"", #'', #[[]])
print("\"" .. '\'' .. [["']])
