local t = { -- comment after brace
  1, --[[ between ]] 2,
  3 -- before close
}
print(#t, t[1], t[2], t[3])
local function --[[name follows]] f(a --[[param]], b)
  return a --[[op]] + b
end
print(f(1, 2))
print(--[[arg]] "x")
if --[[c]] true --[[d]] then print("if ok") end
