package org.luahost.vm.parser;

/**
 * One token from the {@link Lexer}.
 *
 * @param type  the kind of token
 * @param text  for names, strings and numerals the token as the reference's lexer
 *              buffered it (a string keeps its delimiters, escapes already replaced);
 *              used to render "near '...'" in error messages. For {@link TokenType#OTHER}
 *              the single char; otherwise the symbol.
 * @param value the name or string contents (a byte string), the Long or Double of a
 *              numeral, or null
 * @param line  the line the lexer was on just after reading the token (the reference's
 *              {@code ls->linenumber} while this token is current); it is the line that
 *              both error messages and AST nodes use
 */
record Token(TokenType type, String text, Object value, int line) {

    /** How the reference renders this token after "near" (null: no "near" part at all). */
    String near() {
        return switch (type) {
            case NAME, STRING, INT, FLT -> "'" + cutAtNul(text) + "'";
            case EOS -> "<eof>";
            case OTHER -> {
                char c = text.charAt(0);
                if (c == 0) yield null;   // the reference's token 0 suppresses "near"
                yield c >= 32 && c < 127 ? "'" + c + "'" : "'<\\" + (int) c + ">'";
            }
            default -> type.display;
        };
    }

    /** The reference formats messages with C's %s, which stops at a NUL byte. */
    static String cutAtNul(String s) {
        int z = s.indexOf('\0');
        return z < 0 ? s : s.substring(0, z);
    }
}
