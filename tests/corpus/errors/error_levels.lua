local function lvl1() error("at level 1") end
local function lvl2() error("at level 2", 2) end
local function lvl0() error("no position", 0) end
local function caller() lvl2() end
print(pcall(lvl1))
print(pcall(caller))
print(pcall(lvl0))
local function deep3() error("level 3", 3) end
local function d2() deep3() end
local function d1() d2() end
print(pcall(d1))
print(pcall(error, "direct", 1))
print(pcall(error, "direct2", 2))
print(pcall(error))
print(pcall(error, nil))
