local nz = -0.0
print(nz, 0.0, nz == 0.0, 1/nz, 1/0.0)
print(tostring(nz), nz .. "", string.format("%g", nz), string.format("%.1f", nz))
print(math.type(nz), -0, 0 * -1, 0.0 * -1)
print(math.tointeger(nz), nz // 1, 0 // -1, 0.0 // -1)
print(math.abs(nz), -nz, nz + 0, nz - 0.0)
print(math.floor(nz), math.ceil(-0.5), math.fmod(-1.0, 1))
local t = {}
t[nz] = "negzero"
print(t[0], t[0.0], math.type(next(t)))
