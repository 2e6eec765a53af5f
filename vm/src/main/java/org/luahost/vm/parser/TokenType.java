package org.luahost.vm.parser;

/**
 * The kinds of token the {@link Lexer} produces: Lua 5.4's reserved words, its
 * multi- and single-character symbols, the four "value" tokens (names, strings,
 * integer and float numerals), end of input, and {@link #OTHER} for any other
 * single byte (which only the parser rejects, as the reference does).
 *
 * <p>{@link #display} is how the reference names the token kind in "X expected"
 * messages: {@code '='}, {@code 'end'}, {@code <name>}, {@code <eof>}.
 */
enum TokenType {
    // reserved words
    AND("and"), BREAK("break"), DO("do"), ELSE("else"), ELSEIF("elseif"), END("end"),
    FALSE("false"), FOR("for"), FUNCTION("function"), GOTO("goto"), IF("if"), IN("in"),
    LOCAL("local"), NIL("nil"), NOT("not"), OR("or"), REPEAT("repeat"), RETURN("return"),
    THEN("then"), TRUE("true"), UNTIL("until"), WHILE("while"),
    // multi-character symbols
    IDIV("//"), CONCAT(".."), DOTS("..."), EQ("=="), GE(">="), LE("<="), NE("~="),
    SHL("<<"), SHR(">>"), DBCOLON("::"),
    // single-character symbols
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), CARET("^"), HASH("#"),
    AMP("&"), TILDE("~"), PIPE("|"), LT("<"), GT(">"), ASSIGN("="),
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"),
    SEMI(";"), COLON(":"), COMMA(","), DOT("."),
    // value-carrying tokens and end of input: displayed without quotes
    EOS(null, "<eof>"), FLT(null, "<number>"), INT(null, "<integer>"),
    NAME(null, "<name>"), STRING(null, "<string>"),
    /** Any other byte; its text is that one char. */
    OTHER(null, "<other>");

    /** The source spelling for words and symbols, null otherwise. */
    final String symbol;
    /** The token kind as the reference prints it in "X expected" messages. */
    final String display;

    TokenType(String symbol) {
        this(symbol, "'" + symbol + "'");
    }

    TokenType(String symbol, String display) {
        this.symbol = symbol;
        this.display = display;
    }

    /** The reserved word spelled {@code word}, or null if it is a plain name. */
    static TokenType keyword(String word) {
        return switch (word) {
            case "and" -> AND; case "break" -> BREAK; case "do" -> DO; case "else" -> ELSE;
            case "elseif" -> ELSEIF; case "end" -> END; case "false" -> FALSE; case "for" -> FOR;
            case "function" -> FUNCTION; case "goto" -> GOTO; case "if" -> IF; case "in" -> IN;
            case "local" -> LOCAL; case "nil" -> NIL; case "not" -> NOT; case "or" -> OR;
            case "repeat" -> REPEAT; case "return" -> RETURN; case "then" -> THEN;
            case "true" -> TRUE; case "until" -> UNTIL; case "while" -> WHILE;
            default -> null;
        };
    }
}
