-- Table and utf8 library calls over large tables and strings (shifts, moves, unpack, sort, codes)
local t = {}
for i = 1, 100000 do t[i] = i end
for i = 1, 50 do table.insert(t, 1 + (i * 7919) % #t, -i) end
for i = 1, 30 do table.remove(t, 1 + (i * 104729) % #t) end
local s = 0 for i = 1, #t do s = (s * 31 + t[i]) % 2147483647 end
print(#t, s)
local u = table.move(t, 10, 90000, 3)
s = 0 for i = 1, #u do s = (s * 31 + u[i]) % 2147483647 end
print(#u, s)
local v = table.move(t, 5, 80000, 20000)
s = 0 for i = 1, #v do s = (s * 31 + v[i]) % 2147483647 end
print(#v, s)
print(select('#', table.unpack(t, 5000, 70000)), (select(60000, table.unpack(t, 5000, 70000))))
local p = table.pack(table.unpack(t, 1, 100000)) print(p.n, p[99999])
print(#table.concat(t, ',', 17, 99000))
local w = {} for i = 1, 200000 do w[i] = (i * 7919) % 1000 end
table.sort(w, function(a, b) return a > b end)
s = 0 for i = 1, #w, 3 do s = (s * 31 + w[i]) % 2147483647 end print(s)
local str = ("x"):rep(100000)
print(select('#', str:byte(1, -1)), utf8.len(("é"):rep(100000)), #utf8.char(table.unpack(w, 1, 5000)))
local parts = {} for c in utf8.codes(("aé€𝄞"):rep(50000)) do parts[#parts+1] = c end print(#parts, parts[199999])
print(#string.pack('s4', str), #string.format('%-99s|%99s', 'a', 'b'), #(str:rep(30, 'ab')))
print(#string.format(('%d'):rep(200), table.unpack(w, 1, 200)))
