package org.luahost.vm.parser;

/**
 * Splits Lua source into {@link Token}s, one at a time, on the parser's demand.
 *
 * <p>The source is a Lua byte string (one char per byte). The lexer follows the
 * reference's behaviour closely because its error messages are user-visible:
 * <ul>
 * <li>it keeps a buffer of the token being read, exactly as the reference does
 *     (string delimiters included, escapes replaced as soon as they are read),
 *     since that buffer is what an error shows after "near";
 * <li>line breaks are {@code \n}, {@code \r}, {@code \r\n} or {@code \n\r}, each
 *     counting as one line, and a token's line is the line the lexer is on just
 *     after reading it;
 * <li>any byte that starts no token becomes an {@link TokenType#OTHER} token for
 *     the parser to reject with "unexpected symbol".
 * </ul>
 */
final class Lexer {
    private static final int EOZ = -1;

    private final String src;
    private final String chunkId;
    private int pos;          // index of the char after 'current'
    private int current;      // the char being looked at, or EOZ
    private int line = 1;
    private final StringBuilder buf = new StringBuilder();
    /** Called with units of work as tokens are read (the loading thread's work meter), or null. */
    private final java.util.function.IntConsumer charge;
    private int tokens;

    /** Tokens between two charges, and the units charged per token: its lexing, parsing and compiling. */
    private static final int TOKENS_PER_CHARGE = 256, UNITS_PER_TOKEN = 4;

    Lexer(String source, String chunkName, java.util.function.IntConsumer charge) {
        this.src = source;
        this.chunkId = ChunkId.of(chunkName);
        this.charge = charge;
        advance();
    }

    /** The line the lexer is on. */
    int line() {
        return line;
    }

    /** The chunk id that prefixes error messages. */
    String chunkId() {
        return chunkId;
    }

    // ---------------------------------------------------------------- char helpers

    private void advance() {
        current = pos < src.length() ? src.charAt(pos++) : EOZ;
    }

    private void save(int c) {
        buf.append((char) c);
    }

    private void saveAndAdvance() {
        save(current);
        advance();
    }

    private static boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isAlnum(int c) {
        return isAlpha(c) || NumberParser.isDigit(c);
    }

    /** Skips a line break ({@code \n}, {@code \r}, {@code \n\r} or {@code \r\n}) and counts it. */
    private void newline() {
        int old = current;
        advance();
        if (isNewline(current) && current != old) advance();
        line++;
    }

    /** Advances past {@code c} if it is the current char. */
    private boolean accept(int c) {
        if (current != c) return false;
        advance();
        return true;
    }

    // ---------------------------------------------------------------- errors

    /** A lexical error: message with position and, when near is non-null, the offending text. */
    SyntaxError error(String msg, String near) {
        String text = chunkId + ":" + line + ": " + msg;
        return new SyntaxError(near == null ? text : text + " near " + near);
    }

    /** An error "near" the text buffered so far. */
    private SyntaxError errorNearBuffer(String msg) {
        return error(msg, "'" + Token.cutAtNul(buf.toString()) + "'");
    }

    // ---------------------------------------------------------------- tokens

    private Token token(TokenType type) {
        return new Token(type, type.symbol, null, line);
    }

    /**
     * Reads the next token; every TOKENS_PER_CHARGE tokens, charges the work
     * meter for them, and tells a {@link LoadMeter} how much of the source
     * it has read since the last time (so a load's memory is charged as the
     * parse gets there: a syntax error or "C stack overflow" early in a huge
     * source comes before its memory, as in lua5.4).
     */
    Token next() {
        if (charge != null && ++tokens == TOKENS_PER_CHARGE) {
            tokens = 0;
            charge.accept(TOKENS_PER_CHARGE * UNITS_PER_TOKEN);
            if (charge instanceof LoadMeter m) {
                m.read(pos - read);
                read = pos;
            }
        }
        return scan();
    }

    /** Source characters reported to a LoadMeter so far. */
    private int read;

    private Token scan() {
        buf.setLength(0);
        for (;;) {
            switch (current) {
                case '\n', '\r' -> newline();
                case ' ', '\f', '\t', 0x0B -> advance();
                case '-' -> {
                    advance();
                    if (current != '-') return token(TokenType.MINUS);
                    advance();
                    skipComment();
                }
                case '[' -> {
                    int sep = skipSeparator();
                    if (sep >= 2) return longString(sep);
                    if (sep == 0) throw errorNearBuffer("invalid long string delimiter");
                    return token(TokenType.LBRACKET);
                }
                case '=' -> { advance(); return token(accept('=') ? TokenType.EQ : TokenType.ASSIGN); }
                case '<' -> {
                    advance();
                    if (accept('=')) return token(TokenType.LE);
                    return token(accept('<') ? TokenType.SHL : TokenType.LT);
                }
                case '>' -> {
                    advance();
                    if (accept('=')) return token(TokenType.GE);
                    return token(accept('>') ? TokenType.SHR : TokenType.GT);
                }
                case '/' -> { advance(); return token(accept('/') ? TokenType.IDIV : TokenType.SLASH); }
                case '~' -> { advance(); return token(accept('=') ? TokenType.NE : TokenType.TILDE); }
                case ':' -> { advance(); return token(accept(':') ? TokenType.DBCOLON : TokenType.COLON); }
                case '"', '\'' -> { return shortString(current); }
                case '.' -> {
                    saveAndAdvance();
                    if (accept('.')) return token(accept('.') ? TokenType.DOTS : TokenType.CONCAT);
                    if (!NumberParser.isDigit(current)) return token(TokenType.DOT);
                    return numeral();
                }
                case EOZ -> { return token(TokenType.EOS); }
                default -> {
                    if (NumberParser.isDigit(current)) return numeral();
                    if (isAlpha(current)) return name();
                    return single();
                }
            }
        }
    }

    /** Single-character symbols, and {@link TokenType#OTHER} for bytes that start no token. */
    private Token single() {
        int c = current;
        advance();
        TokenType type = switch (c) {
            case '+' -> TokenType.PLUS; case '*' -> TokenType.STAR; case '%' -> TokenType.PERCENT;
            case '^' -> TokenType.CARET; case '#' -> TokenType.HASH; case '&' -> TokenType.AMP;
            case '|' -> TokenType.PIPE; case '(' -> TokenType.LPAREN; case ')' -> TokenType.RPAREN;
            case '{' -> TokenType.LBRACE; case '}' -> TokenType.RBRACE; case ']' -> TokenType.RBRACKET;
            case ';' -> TokenType.SEMI; case ',' -> TokenType.COMMA;
            default -> TokenType.OTHER;
        };
        if (type == TokenType.OTHER) return new Token(type, String.valueOf((char) c), null, line);
        return token(type);
    }

    private Token name() {
        do saveAndAdvance(); while (isAlnum(current));
        String word = buf.toString();
        TokenType kw = TokenType.keyword(word);
        if (kw != null) return token(kw);
        return new Token(TokenType.NAME, word, word, line);
    }

    /**
     * A numeral: digits, hex digits, dots and exponent marks (with a sign right
     * after the mark) are read greedily, plus one touching letter, and then the
     * whole text must convert; otherwise it is a "malformed number".
     */
    private Token numeral() {
        String expo = "Ee";
        if (current == '0') {
            saveAndAdvance();
            if (current == 'x' || current == 'X') {
                saveAndAdvance();
                expo = "Pp";
            }
        }
        for (;;) {
            if (current != EOZ && expo.indexOf(current) >= 0) {
                saveAndAdvance();
                if (current == '+' || current == '-') saveAndAdvance();
            } else if (NumberParser.hexValue(current) >= 0 || current == '.') {
                saveAndAdvance();
            } else {
                break;
            }
        }
        if (isAlpha(current)) saveAndAdvance();   // a numeral touching a letter is an error
        String text = buf.toString();
        Object value = NumberParser.parse(text);
        if (value == null) throw errorNearBuffer("malformed number");
        return new Token(value instanceof Long ? TokenType.INT : TokenType.FLT, text, value, line);
    }

    // ---------------------------------------------------------------- comments and long brackets

    /** After "--": a long comment if a long bracket follows, else the rest of the line. */
    private void skipComment() {
        if (current == '[') {
            int sep = skipSeparator();
            buf.setLength(0);
            if (sep >= 2) {
                readLongBracket(sep, true);
                buf.setLength(0);
                return;
            }
        }
        while (!isNewline(current) && current != EOZ) advance();
    }

    /**
     * At '[' or ']': reads that bracket and any '='s (buffering them). Returns the
     * number of '='s plus 2 if the same bracket follows, 1 for a lone bracket
     * and 0 for a bracket and '='s followed by something else.
     */
    private int skipSeparator() {
        int bracket = current;
        int count = 0;
        saveAndAdvance();
        while (current == '=') {
            saveAndAdvance();
            count++;
        }
        if (current == bracket) return count + 2;
        return count == 0 ? 1 : 0;
    }

    private Token longString(int sep) {
        String s = readLongBracket(sep, false);
        return new Token(TokenType.STRING, buf.toString(), s, line);
    }

    /**
     * Reads a long string or comment after its opening separator (a '[' is
     * current). A line break right after the opening bracket is skipped, and
     * every line break inside becomes a single '\n'. Returns the contents
     * (null for a comment, whose text is not kept).
     */
    private String readLongBracket(int sep, boolean comment) {
        int startLine = line;
        saveAndAdvance();   // the second '['
        if (isNewline(current)) newline();
        for (;;) {
            switch (current) {
                case EOZ -> {
                    String what = comment ? "comment" : "string";
                    throw error("unfinished long " + what + " (starting at line " + startLine + ")", "<eof>");
                }
                case ']' -> {
                    if (skipSeparator() == sep) {
                        saveAndAdvance();   // the second ']'
                        return comment ? null : buf.substring(sep, buf.length() - sep);
                    }
                }
                case '\n', '\r' -> {
                    save('\n');
                    newline();
                    if (comment) buf.setLength(0);   // the text of a comment is never needed
                }
                default -> saveAndAdvance();
            }
        }
    }

    // ---------------------------------------------------------------- short strings

    private Token shortString(int delimiter) {
        saveAndAdvance();
        while (current != delimiter) {
            switch (current) {
                case EOZ -> throw error("unfinished string", "<eof>");
                case '\n', '\r' -> throw errorNearBuffer("unfinished string");
                case '\\' -> escape();
                default -> saveAndAdvance();
            }
        }
        saveAndAdvance();
        String text = buf.toString();
        return new Token(TokenType.STRING, text, text.substring(1, text.length() - 1), line);
    }

    /**
     * An escape sequence; the backslash is current. Like the reference, the
     * backslash and the escape's chars are buffered while it is read (so that
     * errors can show them) and then replaced by the resulting bytes.
     */
    private void escape() {
        int start = buf.length();
        saveAndAdvance();   // the backslash
        int c;
        switch (current) {
            case 'a' -> c = 0x07;
            case 'b' -> c = '\b';
            case 'f' -> c = '\f';
            case 'n' -> c = '\n';
            case 'r' -> c = '\r';
            case 't' -> c = '\t';
            case 'v' -> c = 0x0B;
            case '\\', '"', '\'' -> c = current;
            case 'x' -> {
                int v = hexDigit() << 4;
                v += hexDigit();
                advance();
                replaceEscape(start, String.valueOf((char) v));
                return;
            }
            case 'u' -> {
                replaceEscape(start, utf8Escape());
                return;
            }
            case '\n', '\r' -> {
                newline();
                replaceEscape(start, "\n");
                return;
            }
            case EOZ -> {
                return;   // the string loop reports the unfinished string
            }
            case 'z' -> {
                buf.setLength(start);
                advance();
                while (NumberParser.isSpace(current)) {
                    if (isNewline(current)) newline();
                    else advance();
                }
                return;
            }
            default -> {
                escapeCheck(NumberParser.isDigit(current), "invalid escape sequence");
                replaceEscape(start, String.valueOf((char) decimalEscape()));
                return;
            }
        }
        advance();
        replaceEscape(start, String.valueOf((char) c));
    }

    private void replaceEscape(int start, String bytes) {
        buf.setLength(start);
        buf.append(bytes);
    }

    /** Fails with the current char added to the buffer, as the reference shows it. */
    private void escapeCheck(boolean ok, String msg) {
        if (ok) return;
        if (current != EOZ) saveAndAdvance();
        throw errorNearBuffer(msg);
    }

    /** Buffers the current char, then reads one hex digit (left current). */
    private int hexDigit() {
        saveAndAdvance();
        int v = NumberParser.hexValue(current);
        escapeCheck(v >= 0, "hexadecimal digit expected");
        return v;
    }

    /** Up to three decimal digits, at most 255. */
    private int decimalEscape() {
        int r = 0;
        for (int i = 0; i < 3 && NumberParser.isDigit(current); i++) {
            r = 10 * r + current - '0';
            saveAndAdvance();
        }
        escapeCheck(r <= 0xFF, "decimal escape too large");
        return r;
    }

    /** A "\\u{XXX}" escape (the 'u' is current): the value's UTF-8 bytes, up to 2^31 - 1. */
    private String utf8Escape() {
        saveAndAdvance();   // the 'u'
        escapeCheck(current == '{', "missing '{'");
        long r = hexDigit();
        for (;;) {
            saveAndAdvance();
            int d = NumberParser.hexValue(current);
            if (d < 0) break;
            escapeCheck(r <= (0x7FFFFFFFL >> 4), "UTF-8 value too large");
            r = (r << 4) + d;
        }
        escapeCheck(current == '}', "missing '}'");
        advance();
        return utf8(r);
    }

    /** The (extended, up to six bytes) UTF-8 encoding of {@code x}, one char per byte. */
    static String utf8(long x) {
        if (x < 0x80) return String.valueOf((char) x);
        char[] bytes = new char[6];
        int n = 6;
        int firstMax = 0x3F;   // largest payload that still fits in the first byte
        do {
            bytes[--n] = (char) (0x80 | (x & 0x3F));
            x >>= 6;
            firstMax >>= 1;
        } while (x > firstMax);
        bytes[--n] = (char) (((~firstMax << 1) | x) & 0xFF);
        return new String(bytes, n, 6 - n);
    }
}
