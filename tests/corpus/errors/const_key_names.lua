-- A <const> local holding a string or a small integer is a compile-time constant: as a key
-- it names the field in error messages ("field 'str'", "field 'integer index'"), as the
-- literal would, and _ENV[k] is a global (found by conform_suite part B probing).
local function P(f) print(select(2, pcall(f))) end
local s <const> = "str"
local n <const> = 10
local big <const> = 300
local f <const> = 1.5
local ls <const> = "a_very_long_string_key_that_is_longer_than_forty_characters"
P(function() local t = {}; t[s].x = 1 end)
P(function() local t = {}; return t[s].x end)
P(function() local t = {}; return t[n].x end)
P(function() local t = {}; return t[big].x end)
P(function() local t = {}; return t[f].x end)
P(function() local t = {}; return t[ls].x end)
P(function() local t = {}; return t["a_very_long_string_key_that_is_longer_than_forty_characters"].x end)
P(function() return _ENV[s].x end)
P(function() local t = {}; return (function() return t[s].x end)() end)
P(function() local t = {}; t[s]() end)
P(function() local t = {}; t:str() end)
P(function() local t = {}; return t[s] + 1 end)
P(function() local t = {}; return t[n] + 1 end)
P(function() local t = {}; return 1 + t[-1] end)
P(function() local t = {}; return t[n][s] + 1 end)
