-- awfy_mandelbrot.lua: the Mandelbrot set as a bitmap, eight pixels per byte,
-- folded into a checksum (after the Are-We-Fast-Yet "Mandelbrot" description).
-- Bits are combined with arithmetic (LuaJ 3.0.1 has no bitwise operators).
-- Stresses: float multiply/add/compare in nested loops, integer accumulators.
-- Size parameter (arg[1]): the image width and height in pixels.
local N = tonumber(arg and arg[1]) or 1100

local Mandelbrot = {}
Mandelbrot.__index = Mandelbrot
function Mandelbrot.new(size) return setmetatable({size = size}, Mandelbrot) end

function Mandelbrot:run()
  local size = self.size
  local sum, byteAcc, bitNum = 0, 0, 0
  local y = 0
  while y < size do
    local ci = (2.0 * y / size) - 1.0
    local x = 0
    while x < size do
      local zrzr, zi, zizi = 0.0, 0.0, 0.0
      local cr = (2.0 * x / size) - 1.5
      local z = 0
      local notDone = true
      local escape = 0
      while notDone and z < 50 do
        local zr = zrzr - zizi + cr
        zi = 2.0 * zr * zi + ci
        zrzr = zr * zr
        zizi = zi * zi
        if zrzr + zizi > 4.0 then
          notDone = false
          escape = 1
        end
        z = z + 1
      end
      byteAcc = byteAcc * 2 + escape
      bitNum = bitNum + 1
      if bitNum == 8 then
        sum = (sum * 31 + byteAcc) % 2147483647
        byteAcc, bitNum = 0, 0
      elseif x == size - 1 then
        byteAcc = byteAcc * 2 ^ (8 - bitNum)
        sum = (sum * 31 + math.floor(byteAcc)) % 2147483647
        byteAcc, bitNum = 0, 0
      end
      x = x + 1
    end
    y = y + 1
  end
  return sum
end

print("checksum", Mandelbrot.new(N):run())
