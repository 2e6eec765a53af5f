local function f()
  if true then
    print("x")
  end

print("never runs")
