#!/usr/bin/env lua5.4 this line is skipped by the standalone interpreter
print("shebang skipped")
print(load("#!shebang\nreturn 1"))
