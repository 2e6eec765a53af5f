local modname, path = ...
return {
  modname = modname,
  path = path,
  hello = function(who) return "hello, " .. who end,
}
