#!/usr/bin/env lua
-- a byte-order mark, then a shebang line: both skipped, line numbers kept
local t = nil
print(t.field)
