local function deep(n)
  if n == 0 then
    print("exiting from depth")
    os.exit(2)
  end
  deep(n - 1)
end
pcall(deep, 5)
print("never")
