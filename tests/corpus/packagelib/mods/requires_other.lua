local simple = require("mods.simple")
return {other = simple.hello("from other")}
