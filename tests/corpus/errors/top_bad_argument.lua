local function go() return string.rep() end
go()
