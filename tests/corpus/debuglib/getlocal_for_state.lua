-- the hidden variables of a generic for ("(for state)": iterator, state,
-- control, closing value) have their values in debug.getlocal
local function show()
  local out = {}
  for n = 1, 20 do
    local name, v = debug.getlocal(2, n)
    if not name then break end
    local tv = type(v)
    out[#out + 1] = name .. "=" .. ((tv == "table" or tv == "function") and tv or tostring(v))
  end
  print(table.concat(out, " "))
end
local t = setmetatable({}, {__close = function() end})
for k in function(s, c) if not c then return 1 end end, "S", nil, t do
  show()
end
for k, v in pairs({10}) do show() end
for i, v in ipairs({10, 20}) do show() end
for w in string.gmatch("a b", "%a") do show() end
local function iter(s, c) if c < 2 then return c + 1, "x" end end
for a, b in iter, nil, 0 do show() end
