package org.luahost.vm.parser;

import java.util.HashSet;
import java.util.Set;

/**
 * The parser's plumbing, shared by {@link ExpressionParser} and {@link Parser}:
 * the current and lookahead tokens, the small check/expect helpers the grammar
 * rules use, error reporting in the reference's exact wording, the nesting
 * depth limit, and the per-function state.
 *
 * <p><b>Lines.</b> Like the reference, errors and AST nodes use the line the
 * lexer is on (just after the current token, or after the lookahead token when
 * one has been read); see {@link #line()}.
 *
 * <p><b>Depth.</b> The reference counts nested statements and subexpressions
 * against its C-call limit (LUAI_MAXCCALLS, 200) on top of the C calls already
 * active when the parser started, and fails with "C stack overflow". We count
 * the same way, so the same programs are too deep; each level costs only a few
 * Java frames, so the Java stack is never at risk.
 */
abstract class ParserSupport {
    /** The reference's LUAI_MAXCCALLS. */
    static final int MAX_C_CALLS = 200;

    final Lexer lexer;
    /** The current token. */
    Token t;
    /** A token read ahead of {@link #t}, or null. */
    private Token ahead;
    /** C calls already active in the reference when it would start this parse. */
    private final int baseLevel;
    /** Nesting depth (the reference's "C calls" made by the parser itself). */
    private int level;
    /** The function being parsed. */
    FunctionState fs;
    /** The reference's {@code ls->lastline}: the lexer's line when the last token was consumed. */
    int lastLine = 1;
    /** See {@link Ast.Chunk#nears()}. */
    final java.util.IdentityHashMap<Object, Object> nears = new java.util.IdentityHashMap<>();

    /** See {@link Ast.Chunk#hookLines()}. */
    final java.util.IdentityHashMap<Object, int[]> hookLines = new java.util.IdentityHashMap<>();

    /** The hook-line slots of node n (see {@link Ast.Chunk#hookLines()}). */
    final int[] hl(Object n) { return hookLines.computeIfAbsent(n, k -> new int[3]); }

    /** Records where e's context takes its value: line (a register), or -line (an operand); parentheses are transparent. */
    final void dis(Ast.Expr e, int line) {
        while (e instanceof Ast.Paren p) e = p.expr();
        hl(e)[0] = line;
    }

    /** The current token as a "near" for a later limit error, with the lexer's line. */
    final Ast.Near here() { return new Ast.Near(t.near(), lexer.line()); }

    ParserSupport(String source, String chunkName, int baseLevel, java.util.function.IntConsumer charge) {
        this.lexer = new Lexer(source, chunkName, charge);
        this.baseLevel = baseLevel;
    }

    /** What the parser tracks per function for the checks it does itself. */
    static final class FunctionState {
        final FunctionState parent;
        boolean vararg;
        /** Number of loops enclosing the current position (within this function). */
        int loopDepth;
        /** Line of the first {@code break} outside any loop, or -1. */
        int badBreakLine = -1;
        /**
         * Whether goto resolution (done by the compiler) could report an error
         * before the reference would get to a misplaced break: the function has
         * a goto, or a label name used twice.
         */
        boolean gotoErrorPossible;
        final Set<String> labels = new HashSet<>();
        /** The line of 'function' (0: the main function), for limit errors. */
        final int line;
        /** Local variables declared and in scope, the hidden ones of loops included (the reference's actvar count). */
        int nactvar;
        /** Registers the active locals hold (compile-time constants hold none). */
        int nregs;
        /**
         * The first free register, as the reference allocates them for the
         * values of expression lists and call arguments (other temporaries
         * are not counted): enough to report "needs too many registers"
         * where the reference does for long lists.
         */
        int freereg;

        FunctionState(FunctionState parent, boolean vararg, int line) {
            this.parent = parent;
            this.vararg = vararg;
            this.line = line;
        }
    }

    // ---------------------------------------------------------------- tokens

    /** Moves to the next token. */
    final void next() {
        lastLine = lexer.line();
        if (ahead != null) {
            t = ahead;
            ahead = null;
        } else {
            t = lexer.next();
        }
    }

    /** The token after the current one, read without moving. */
    final Token lookahead() {
        if (ahead == null) ahead = lexer.next();
        return ahead;
    }

    /** The line the reference attributes to the current position (its {@code ls->linenumber}). */
    final int line() {
        return lexer.line();
    }

    final boolean testNext(TokenType type) {
        if (t.type() != type) return false;
        next();
        return true;
    }

    final void check(TokenType type) {
        if (t.type() != type) throw errorExpected(type);
    }

    final void checkNext(TokenType type) {
        check(type);
        next();
    }

    /** Expects a name and returns it. */
    final String checkName() {
        check(TokenType.NAME);
        String name = (String) t.value();
        next();
        return name;
    }

    /**
     * Expects the token {@code what} closing the {@code who} opened at line
     * {@code where}; the message mentions the opener only when it is on another line.
     */
    final void checkMatch(TokenType what, TokenType who, int where) {
        if (testNext(what)) return;
        if (where == line()) throw errorExpected(what);
        throw syntaxError(what.display + " expected (to close " + who.display + " at line " + where + ")");
    }

    /** The end of a block: 'else', 'elseif', 'end', end of input and, if asked, 'until'. */
    final boolean blockFollow(boolean withUntil) {
        return switch (t.type()) {
            case ELSE, ELSEIF, END, EOS -> true;
            case UNTIL -> withUntil;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- errors

    /** An error at the current position, "near" the current token. */
    final SyntaxError syntaxError(String msg) {
        return lexer.error(msg, t.near());
    }

    /** An error at the current position without the "near" part (the reference's semerror). */
    final SyntaxError semanticError(String msg) {
        return lexer.error(msg, null);
    }

    final SyntaxError errorExpected(TokenType type) {
        return syntaxError(type.display + " expected");
    }

    // ---------------------------------------------------------------- nesting

    final void enterLevel() {
        level++;
        if (baseLevel + level >= MAX_C_CALLS) throw new SyntaxError("C stack overflow");
    }

    final void leaveLevel() {
        level--;
    }

    final void leaveLevels(int n) {
        level -= n;
    }

    // ---------------------------------------------------------------- functions

    final void openFunction(boolean vararg, int line) {
        fs = new FunctionState(fs, vararg, line);
    }

    /** The reference's LUAI_MAXVARS and MAXREGS. */
    static final int MAX_VARS = 200;
    static final int MAX_REGS = 255;

    /**
     * Declares a local of the current function (new_localvar): too many
     * locals in scope is an error here, near the token after the name, as
     * in the reference.
     */
    final void declareLocal() {
        if (fs.nactvar + 1 > MAX_VARS) {
            String where = fs.line == 0 ? "main function" : "function at line " + fs.line;
            throw syntaxError("too many local variables (limit is " + MAX_VARS + ") in " + where);
        }
        fs.nactvar++;
    }

    /** n declared locals become active, holding regs registers (adjustlocalvars). */
    final void activateLocals(int regs) {
        fs.nregs += regs;
        fs.freereg = fs.nregs;
    }

    /** Takes n more registers for values (luaK_reserveregs): beyond the reference's limit, an error near the current token. */
    final void reserveRegs(int n) {
        if (fs.freereg + n >= MAX_REGS) throw syntaxError("function or expression needs too many registers");
        fs.freereg += n;
    }

    /**
     * Ends the current function; the current token is the one after it. This is
     * where the reference reports a {@code break} outside a loop (unless an error
     * about a goto or label comes first, which the compiler then reports).
     */
    final void closeFunction() {
        if (fs.badBreakLine >= 0 && !fs.gotoErrorPossible) {
            throw semanticError("break outside loop at line " + fs.badBreakLine);
        }
        fs = fs.parent;
    }
}
