goto skip
local message = "hi"
::skip::
print(message)
