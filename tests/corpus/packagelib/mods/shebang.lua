#!/usr/bin/env lua
return "shebang skipped"
