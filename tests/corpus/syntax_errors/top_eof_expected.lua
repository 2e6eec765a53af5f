print("x")
end
