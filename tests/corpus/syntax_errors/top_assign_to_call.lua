local t = {}
t.f() = 5
