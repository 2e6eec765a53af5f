-- 'too many local variables' where the reference reports it (while parsing,
-- at the 201st local in scope) and 'function or expression needs too many registers'
local function names(n, from) local t = {} for j = from or 1, n + (from or 1) - 1 do t[#t + 1] = "a" .. j end return table.concat(t, ", ") end
local function show(f, e) print(type(f), e) end
show(load("function foo ()\n  local " .. names(300) .. ", b\n"))          -- unterminated: the limit comes first
show(load("local " .. names(200) .. "\nreturn a200"))                     -- exactly 200: fine
show(load("local " .. names(201) .. "\nreturn a201"))                     -- main function
show(load("local " .. names(100) .. "\nlocal " .. names(101, 101)))       -- across statements
show(load("local " .. names(150) .. "\ndo local " .. names(50, 151) .. " end\nlocal " .. names(50, 201)))  -- a block's locals leave scope
show(load("local " .. names(197) .. "\nfor i = 1, 2 do end"))             -- a numeric for has 3 hidden locals
show(load("local " .. names(196) .. "\nfor i = 1, 2 do end"))
show(load("local " .. names(195) .. "\nfor k, v in pairs({}) do end"))   -- a generic for has 4
show(load("local " .. names(194) .. "\nfor k, v in pairs({}) do end"))
show(load("local function f(" .. names(201) .. ") end"))                  -- parameters
show(load("local t = {} function t:m(" .. names(200) .. ") end"))         -- self counts
show(load("local " .. names(199) .. "\nlocal function g() end"))
show(load("local " .. names(200) .. "\nlocal function g() end"))
show(load("local " .. names(200) .. "\nlocal x <const> = 1"))             -- constants count too
-- registers
show(load("return select('#', 0" .. string.rep(", 0", 300) .. ")"))
show(load("return select('#', 0" .. string.rep(", 0", 252) .. ")"))
show(load("return select('#', 0" .. string.rep(", 0", 253) .. ")"))
show(load("return 0" .. string.rep(", 0", 260)))
show(load("local x = 0" .. string.rep(", 0", 260)))
show(load("local " .. names(150) .. "\nprint(1" .. string.rep(", 1", 120) .. ")"))
show(load("local o = {} o:m(1" .. string.rep(", 1", 260) .. ")"))
print(select("#", load("return 0" .. string.rep(", 0", 200))()))
-- long chains that reuse registers load fine
show(load("local f f" .. string.rep("()", 400)))
show(load("local f; local x = f()" .. string.rep(" + f()", 300)))
show(load("local t = {} t" .. string.rep(":m()", 300)))
show(load("print(" .. string.rep("f(1, 2) .. ", 150) .. "1)"))
