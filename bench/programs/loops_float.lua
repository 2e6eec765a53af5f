-- loops_float.lua: Mandelbrot set over a grid; pure floating-point arithmetic on locals.
-- Stresses: float multiply/add/compare in tight nested loops.
-- Size parameter (arg[1]): grid side (N x N points), 50 iterations max per point.
local N = tonumber(arg and arg[1]) or 1800
local MAXITER = 50

local inside, total = 0, 0
for py = 0, N - 1 do
  local ci = 2.0 * py / N - 1.0
  for px = 0, N - 1 do
    local cr = 2.0 * px / N - 1.5
    local zr, zi = 0.0, 0.0
    local it = 0
    while it < MAXITER do
      local zr2, zi2 = zr * zr, zi * zi
      if zr2 + zi2 > 4.0 then break end
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      it = it + 1
    end
    if it == MAXITER then inside = inside + 1 end
    total = total + it
  end
end

print(string.format("mandelbrot %d inside, %d iterations", inside, total))
