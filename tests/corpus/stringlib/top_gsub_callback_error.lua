-- an error raised by a gsub replacement function propagates with its position
local function expand(s)
  return (s:gsub("%$(%w+)", function(name)
    if name == "bad" then error("unknown variable '" .. name .. "'") end
    return name:upper()
  end))
end
print(expand("$x and $y"))
print(expand("$bad"))
