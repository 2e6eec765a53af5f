print("a")
--[==[ this comment
never ends ]=]
