error("module failed to initialise")
