package org.luahost.vm.parser;

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

    /** A local variable as the reference's parser keeps it (dyd->actvar): for name lookups and scope errors. */
    static final class Var {
        final String name;
        /** {@code <const>} or {@code <close>}: an assignment to it is an error. */
        boolean readonly;
        /** A compile-time constant (a {@code <const>} with a literal value): never an upvalue. */
        boolean constant;

        Var(String name) { this.name = name; }
    }

    /** A label, or a pending goto ("break" for a break), as the reference's Labeldesc. */
    record Jump(String name, int line, int nactvar) {}

    /** A block as the reference's BlockCnt: where its locals, labels and pending gotos start. */
    static final class BlockScope {
        final BlockScope previous;
        final int nactvar, firstLabel, firstGoto;
        final boolean loop;

        BlockScope(BlockScope previous, int nactvar, int firstLabel, int firstGoto, boolean loop) {
            this.previous = previous;
            this.nactvar = nactvar;
            this.firstLabel = firstLabel;
            this.firstGoto = firstGoto;
            this.loop = loop;
        }
    }

    /** What the parser tracks per function for the checks it does itself. */
    static final class FunctionState {
        final FunctionState parent;
        boolean vararg;
        /** Number of loops enclosing the current position (within this function). */
        int loopDepth;
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
        /** The declared locals (nactvar of them); the first {@link #nvisible} are active (visible by name). */
        final java.util.ArrayList<Var> vars = new java.util.ArrayList<>();
        int nvisible;
        /** The upvalues' names, in order of creation (the reference looks upvalues up by name). */
        final java.util.LinkedHashMap<String, Var> upvalues = new java.util.LinkedHashMap<>();
        /** The labels of the enclosing blocks, and the gotos not resolved yet. */
        final java.util.ArrayList<Jump> labels = new java.util.ArrayList<>(), gotos = new java.util.ArrayList<>();
        BlockScope bl;

        FunctionState(FunctionState parent, boolean vararg, int line) {
            this.parent = parent;
            this.vararg = vararg;
            this.line = line;
        }

        /** The active local called name, innermost first, or null. */
        Var visible(String name) {
            for (int i = nvisible - 1; i >= 0; i--) if (vars.get(i).name.equals(name)) return vars.get(i);
            return null;
        }

        String where() { return line == 0 ? "main function" : "function at line " + line; }
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
        if (fs.parent == null) fs.upvalues.put("_ENV", new Var("_ENV"));
        enterBlock(false);
    }

    /** The reference's LUAI_MAXVARS and MAXREGS. */
    static final int MAX_VARS = 200;
    static final int MAX_REGS = 255;

    /**
     * Declares a local of the current function (new_localvar): too many
     * locals in scope is an error here, near the token after the name, as
     * in the reference.
     */
    final void declareLocal(String name) {
        if (fs.nactvar + 1 > MAX_VARS) {
            throw syntaxError("too many local variables (limit is " + MAX_VARS + ") in " + fs.where());
        }
        fs.nactvar++;
        fs.vars.add(new Var(name));
    }

    /** The declared locals become active, holding regs registers (adjustlocalvars). */
    final void activateLocals(int regs) {
        fs.nregs += regs;
        fs.freereg = fs.nregs;
        fs.nvisible = fs.vars.size();
    }

    /** Takes n more registers for values (luaK_reserveregs): beyond the reference's limit, an error near the current token. */
    final void reserveRegs(int n) {
        if (fs.freereg + n >= MAX_REGS) throw syntaxError("function or expression needs too many registers");
        fs.freereg += n;
    }

    // ---------------------------------------------------------------- scopes, as the reference checks them while parsing

    /** The reference's MAXUPVAL. */
    static final int MAX_UPVALUES = 255;

    final void enterBlock(boolean loop) {
        fs.bl = new BlockScope(fs.bl, fs.vars.size(), fs.labels.size(), fs.gotos.size(), loop);
    }

    /**
     * Leaves the current block (leaveblock): its locals and labels go out of scope, a loop's
     * pending breaks are resolved, and the other pending gotos move out to the enclosing block;
     * at a function's outermost block, a goto still pending is an error.
     */
    final void leaveBlock() {
        BlockScope bl = fs.bl;
        truncate(fs.vars, bl.nactvar);
        fs.nvisible = Math.min(fs.nvisible, bl.nactvar);
        fs.nactvar = bl.nactvar;
        if (bl.loop) solveGotos(new Jump("break", 0, bl.nactvar));
        truncate(fs.labels, bl.firstLabel);
        fs.bl = bl.previous;
        if (bl.previous != null) {
            for (int i = bl.firstGoto; i < fs.gotos.size(); i++) {
                Jump g = fs.gotos.get(i);
                fs.gotos.set(i, new Jump(g.name(), g.line(), Math.min(g.nactvar(), bl.nactvar)));
            }
        } else if (bl.firstGoto < fs.gotos.size()) {
            Jump g = fs.gotos.get(bl.firstGoto);
            throw semanticError(g.name().equals("break") ? "break outside loop at line " + g.line()
                    : "no visible label '" + g.name() + "' for <goto> at line " + g.line());
        }
    }

    private static void truncate(java.util.List<?> l, int n) {
        while (l.size() > n) l.remove(l.size() - 1);
    }

    /** A goto (or a break, name "break") at line: a backward jump to a visible label, or pending. */
    final void newGoto(String name, int line) {
        if (!name.equals("break") && findLabel(name) != null) return;
        fs.gotos.add(new Jump(name, line, fs.nvisible));
    }

    private Jump findLabel(String name) {
        for (Jump l : fs.labels) if (l.name().equals(name)) return l;
        return null;
    }

    /**
     * A label (labelstat, once the no-op statements after it are skipped): a repeated name is an
     * error; the pending gotos of the block to it are resolved, and one that would enter the
     * scope of a local is an error. At the end of its block (last) the label is outside the
     * block's locals.
     */
    final void createLabel(String name, int line, boolean last) {
        Jump old = findLabel(name);
        if (old != null) throw semanticError("label '" + name + "' already defined on line " + old.line());
        Jump l = new Jump(name, line, last ? fs.bl.nactvar : fs.nvisible);
        fs.labels.add(l);
        solveGotos(l);
    }

    private void solveGotos(Jump l) {
        for (int i = fs.bl.firstGoto; i < fs.gotos.size(); ) {
            Jump g = fs.gotos.get(i);
            if (!g.name().equals(l.name())) {
                i++;
                continue;
            }
            if (g.nactvar() < l.nactvar()) {
                throw semanticError("<goto " + g.name() + "> at line " + g.line() + " jumps into the scope of local '"
                        + fs.vars.get(g.nactvar()).name + "'");
            }
            fs.gotos.remove(i);
        }
    }

    /**
     * Resolves a name as the reference's singlevar does while parsing: a local, an upvalue
     * (created in each function between, each counted against the limit), or a global (then
     * {@code _ENV} is resolved). The variable found (for an assignment's check), or null.
     */
    final Var singleVar(String name) {
        Object r = resolve(fs, name, true);
        if (r == GLOBAL) resolve(fs, "_ENV", true);
        return r instanceof Var v ? v : null;
    }

    private static final Object GLOBAL = new Object();

    /** A Var (local or upvalue, or a compile-time constant), or GLOBAL. */
    private Object resolve(FunctionState f, String name, boolean base) {
        if (f == null) return GLOBAL;
        Var v = f.visible(name);
        if (v != null) return v;
        Var u = f.upvalues.get(name);
        if (u != null) return u;
        Object up = resolve(f.parent, name, false);
        if (up instanceof Var uv && !uv.constant) {
            if (f.upvalues.size() + 1 > MAX_UPVALUES) {
                throw syntaxError("too many upvalues (limit is " + MAX_UPVALUES + ") in " + f.where());
            }
            f.upvalues.put(name, uv);
        }
        return up;
    }

    /** An assignment to target (check_readonly): a {@code <const>} or {@code <close>} variable is an error here. */
    final void checkReadonly(Ast.Expr target, Var v) {
        if (target instanceof Ast.Name n && v != null && v.readonly) {
            throw semanticError("attempt to assign to const variable '" + n.name() + "'");
        }
    }

    /** Ends the current function; the current token is the one after it. */
    final void closeFunction() {
        leaveBlock();
        fs = fs.parent;
    }
}
