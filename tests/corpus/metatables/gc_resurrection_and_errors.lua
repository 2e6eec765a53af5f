local saved
do
  setmetatable({v = "resurrected"}, {__gc = function(o) saved = o end})
end
collectgarbage()
collectgarbage()
print(saved and saved.v)
do
  setmetatable({}, {__gc = function() error("error in finalizer") end})
end
collectgarbage()
print("survived finalizer error")
