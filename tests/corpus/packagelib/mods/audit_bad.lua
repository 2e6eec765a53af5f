error("load fail")
