-- "\u{...}" escapes produce the same bytes as utf8.char
print("\u{48}\u{E9}\u{20AC}" == utf8.char(0x48, 0xE9, 0x20AC))
print("\u{7FFFFFFF}" == utf8.char(0x7FFFFFFF), #"\u{7FFFFFFF}")
print("\u{D800}" == utf8.char(0xD800))
print(utf8.len("\u{1F600}\u{1F601}"), utf8.codepoint("\u{1F600}\u{1F601}", 1, -1))
print(utf8.codepoint("\u{10FFFF}"), utf8.len("\u{110000}"), utf8.len("\u{110000}", 1, -1, true))
