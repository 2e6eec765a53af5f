-- a negative decimal numeral past -2^63 is read as a float (found by the random-program hunt,
-- seed 20261303 program 432: "-92233720368547758080" was read as 0)
print(tonumber("-9223372036854775808"), tonumber("-9223372036854775809"))
print(tonumber("-92233720368547758080"), tonumber("-92233720368547758082"), tonumber("-922337203685477580800"))
print(tonumber("92233720368547758080"), tonumber(" -92233720368547758070 "))
print(math.type(tonumber("-9223372036854775808")), math.type(tonumber("-92233720368547758080")))
print(-92233720368547758080, - -9223372036854775808, 9223372036854775808)
print(string.format("%d", math.mininteger) .. "0" + 0)
print(load("return -92233720368547758080")())
