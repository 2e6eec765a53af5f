-- this file starts with a UTF-8 byte-order mark, which the interpreter skips
print("BOM skipped", select("#", ...), arg[0])
