return {name = "pkg via init.lua"}
