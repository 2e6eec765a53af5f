-- Library calls with large results (over the 256 KB copy chunks and the work
-- meter's charge intervals), checked by a sampled hash of the whole result.
local function h(s)
  local n = #s
  local acc = n
  local step = n // 5000 + 1
  for i = 1, n, step do acc = (acc * 31 + s:byte(i)) % 2147483647 end
  for i = math.max(1, n - 3000), n do acc = (acc * 31 + s:byte(i)) % 2147483647 end
  return n .. ':' .. acc
end
local units = {'a', 'ab', 'abc', 'x = 1 ', 'abcdefg', ('q'):rep(1000) .. 'z', ('r'):rep(70000) .. 'y'}
for _, u in ipairs(units) do
  for _, n in ipairs({1, 7, 1000, 40000, 300001}) do
    if #u * n <= 80e6 then
      print('rep', #u, n, h(u:rep(n)), h(u:rep(n, ',')), h(u:rep(n, '--sep--')))
    end
  end
end
local big = ('Hello World 123 '):rep(200000) .. 'tail'
print('upper', h(big:upper()), h(big:lower()), h(big:reverse()))
print('sub', h(big:sub(12345, -12345)))
print('gsub', h((big:gsub('o', '0'))), select(2, big:gsub('%d+', '#')))
print('gsub2', h((big:gsub('(%w+)', '<%1>'))))
print('find', big:find('tail', 1, true), big:find('123 tail'), big:find('World', 3000000, true))
print('format', h(string.format('%s|%s', big, big)))
local t = {}
for i = 1, 300000 do t[i] = tostring(i) end
print('concat', h(table.concat(t)), h(table.concat(t, ', ')), h(table.concat(t, '', 1000, 250000)))
local m = table.move(t, 1, 300000, 5, {})
print("move", m[5], m[300004])
local m2 = table.move(t, 1, 200000, 100000)
print('move2', #m2, m2[100000], m2[299999], m2[300000])
table.sort(t)
print('sort', t[1], t[150000], t[300000])
print('unpack', select('#', table.unpack(t, 1, 200000)))
local cps = {}
for i = 1, 200000 do cps[i] = (i * 7919) % 0x10FFFF end
local ok = pcall(function() return utf8.char(table.unpack(cps, 1, 100000)) end)
local u8 = {}
for i = 1, 100000 do local c = cps[i] if c < 0xD800 or c > 0xDFFF then u8[#u8+1] = utf8.char(c) end end
local us = table.concat(u8)
print('utf8', ok, h(us), utf8.len(us), utf8.offset(us, 50000), utf8.codepoint(us, utf8.offset(us, 77777)))
local packed = string.pack(('i4'):rep(1000), table.unpack(t, 1, 1000))
print('pack', h(packed), string.unpack('i4', packed, 3997))
local s2 = ('ab\0cd'):rep(300000)
print('nul', h(s2), s2:find('\0c', 1234567, true))
print('bytes', select('#', big:byte(1, 100000)))
print('char', h(string.char(big:byte(1, 100000))))
print('len', #(big .. big .. big))
for w in ('one two three '):rep(100000):gmatch('%a+') do t.last = w end
print('gmatch', t.last)
