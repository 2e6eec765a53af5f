package org.luahost.vm.parser;

import java.util.ArrayList;
import java.util.List;

import org.luahost.vm.parser.Ast.Expr;
import org.luahost.vm.parser.Ast.Stat;

/**
 * Parses a Lua 5.4 chunk into an {@link Ast.Chunk}: the entry point of the
 * package, and the statement half of the recursive-descent parser (the
 * expression half is {@link ExpressionParser}). One method per grammar rule.
 *
 * <p>Besides syntax, the parser makes the few checks the reference makes that
 * need no scopes: '...' outside a vararg function, local attributes,
 * several to-be-closed variables in one list, and {@code break} outside a loop
 * (left to the compiler when the function also has gotos or repeated labels,
 * since an error about those may come first). Goto/label resolution, assignments
 * to {@code <const>} locals and the local/upvalue limits are the compiler's.
 *
 * <p><b>Lines</b> (beyond what {@link Ast} documents): a statement's line is
 * that of its first token, except {@link Ast.Goto} (the label name's line, which
 * the reference prints in "for &lt;goto&gt; at line N"); {@link Ast.Index} has the
 * line of its key name or closing ']'; {@link Ast.Paren} that of its '(';
 * {@link Ast.Function} that of the {@code function} keyword. A
 * {@link Ast.FuncBody}'s line is the reference's linedefined: the
 * {@code function} keyword's line for {@code function f() end}, but the line of
 * the '(' for function expressions and {@code local function} (where the two
 * can differ only if a line break separates them).
 */
public final class Parser extends ExpressionParser {

    /**
     * C calls the reference has active when {@code lua5.4 script.lua} parses the
     * script (one more for each C boundary, e.g. 2 for {@code load} called from
     * a Lua function, 3 for {@code pcall(load, s)}); it shifts the nesting depth
     * at which "C stack overflow" is reported.
     */
    public static final int SCRIPT_C_CALLS = 1;

    private Parser(String source, String chunkName, int cCalls, java.util.function.IntConsumer charge) {
        super(source, chunkName, cCalls, charge);
    }

    /**
     * Parses {@code source} (a Lua byte string: one char per byte).
     *
     * @param chunkName the raw chunk name ("@file.lua", "=stdin", or a load() name),
     *                  shown in error messages through {@link ChunkId}; null stands
     *                  for "?", as in the reference's lua_load
     * @throws SyntaxError with the reference's complete message
     */
    public static Ast.Chunk parse(String source, String chunkName) {
        return parse(source, chunkName, SCRIPT_C_CALLS);
    }

    /**
     * As {@link #parse(String, String)}, with the number of C calls the reference
     * would have active at this point (see {@link #SCRIPT_C_CALLS}).
     */
    public static Ast.Chunk parse(String source, String chunkName, int cCalls) {
        return parse(source, chunkName, cCalls, null);
    }

    /**
     * As {@link #parse(String, String, int)}; charge (or null) is called with
     * units of work as the source is read (a thread's work meter:
     * {@code LuaThread::charge}), and may throw to stop the parse.
     */
    public static Ast.Chunk parse(String source, String chunkName, int cCalls, java.util.function.IntConsumer charge) {
        String name = chunkName == null ? "?" : chunkName;
        return new Parser(source, name, cCalls, charge).mainFunction(name);
    }

    /** chunk -> block EOF; the main function is vararg, without parameters. */
    private Ast.Chunk mainFunction(String chunkName) {
        openFunction(true, 0);
        next();
        Ast.Block block = block();
        check(TokenType.EOS);
        closeFunction();
        hookLines.put(Ast.Chunk.PARSED, new int[0]);
        return new Ast.Chunk(chunkName, new Ast.FuncBody(0, 0, List.of(), false, true, block), nears, hookLines);
    }

    // ---------------------------------------------------------------- blocks

    @Override
    Ast.Block block() {
        int nactvar = fs.nactvar, nregs = fs.nregs;
        enterBlock(false);
        List<Stat> stats = new ArrayList<>();
        statList(stats);
        leaveBlock();
        fs.nactvar = nactvar;   // the block's locals go out of scope
        fs.nregs = nregs;
        fs.freereg = nregs;
        return new Ast.Block(stats, line(), lastLine);
    }

    /** statlist -> { stat [';'] }, where a 'return' must be the last statement. */
    private void statList(List<Stat> stats) {
        while (!blockFollow(true)) {
            if (t.type() == TokenType.RETURN) {
                statement(stats);
                return;
            }
            statement(stats);
        }
    }

    /** A block that is a loop body: 'break' is allowed in it. */
    private Ast.Block loopBlock() {
        fs.loopDepth++;
        Ast.Block block = block();
        fs.loopDepth--;
        return block;
    }

    // ---------------------------------------------------------------- statements

    /** Parses one statement, appending its node (if any) to {@code stats}. */
    private void statement(List<Stat> stats) {
        int line = line();
        enterLevel();
        fs.freereg = fs.nregs;
        switch (t.type()) {
            case SEMI -> next();
            case IF -> stats.add(ifStat(line));
            case WHILE -> stats.add(whileStat(line));
            case DO -> {
                next();
                Ast.Block block = block();
                checkMatch(TokenType.END, TokenType.DO, line);
                stats.add(new Ast.Do(line, block));
            }
            case FOR -> stats.add(forStat(line));
            case REPEAT -> stats.add(repeatStat(line));
            case FUNCTION -> stats.add(funcStat(line));
            case LOCAL -> {
                next();
                if (t.type() == TokenType.FUNCTION) {
                    int functionLine = line();
                    next();
                    stats.add(localFunc(line, functionLine));
                } else {
                    stats.add(localStat(line));
                }
            }
            case DBCOLON -> {
                next();
                labelStat(stats, checkName(), line);
            }
            case RETURN -> {
                next();
                stats.add(retStat(line));
            }
            case BREAK -> stats.add(breakStat(line));
            case GOTO -> {
                next();
                int nameLine = line();   // the reference reports gotos at the label name's line
                String label = checkName();
                newGoto(label, nameLine);
                stats.add(new Ast.Goto(nameLine, label));
            }
            default -> stats.add(exprStat(line));
        }
        leaveLevel();
    }

    /** ifstat -> IF cond THEN block { ELSEIF cond THEN block } [ ELSE block ] END */
    private Stat ifStat(int line) {
        List<Expr> conds = new ArrayList<>();
        List<Ast.Block> blocks = new ArrayList<>();
        do {
            next();   // 'if' or 'elseif'
            Expr cond = expr();
            int then = line();
            checkNext(TokenType.THEN);
            cond = ExpressionParser.indexedAt(cond, then);   // tested after 'then' is read
            dis(cond, -lastLine);   // a test, not a load
            conds.add(cond);
            blocks.add(block());
        } while (t.type() == TokenType.ELSEIF);
        Ast.Block elseBlock = testNext(TokenType.ELSE) ? block() : null;
        checkMatch(TokenType.END, TokenType.IF, line);
        return new Ast.If(line, conds, blocks, elseBlock);
    }

    /** whilestat -> WHILE cond DO block END */
    private Stat whileStat(int line) {
        next();
        Expr cond = expr();
        enterBlock(true);
        checkNext(TokenType.DO);
        dis(cond, -lastLine);
        Ast.Block block = loopBlock();
        checkMatch(TokenType.END, TokenType.WHILE, line);
        leaveBlock();
        return new Ast.While(line, cond, block);
    }

    /** repeatstat -> REPEAT block UNTIL cond */
    private Stat repeatStat(int line) {
        next();
        // as the reference: a loop block, and in it the body's scope, which the condition is part of
        enterBlock(true);
        int nactvar = fs.nactvar, nregs = fs.nregs;
        enterBlock(false);
        fs.loopDepth++;
        List<Stat> stats = new ArrayList<>();
        statList(stats);
        int endLine = line();
        fs.loopDepth--;
        checkMatch(TokenType.UNTIL, TokenType.REPEAT, line);
        Expr cond = expr();
        dis(cond, -lastLine);
        leaveBlock();
        fs.nactvar = nactvar;
        fs.nregs = nregs;
        fs.freereg = nregs;
        leaveBlock();
        return new Ast.Repeat(line, new Ast.Block(stats, endLine, lastLine), cond);
    }

    /** forstat -> FOR (fornum | forlist) END */
    private Stat forStat(int line) {
        int nactvar = fs.nactvar, nregs = fs.nregs;
        enterBlock(true);
        next();
        String var = checkName();
        Ast.Near near = here();
        Stat stat = switch (t.type()) {
            case ASSIGN -> forNum(line, var, near);
            case COMMA, IN -> forList(line, var, near);
            default -> throw syntaxError("'=' or 'in' expected");
        };
        checkMatch(TokenType.END, TokenType.FOR, line);
        leaveBlock();
        fs.nactvar = nactvar;   // the loop's variables, hidden ones included, go out of scope
        fs.nregs = nregs;
        fs.freereg = nregs;
        return stat;
    }

    /** fornum -> NAME '=' exp ',' exp [ ',' exp ] forbody */
    private Stat forNum(int line, String var, Ast.Near near) {
        for (int i = 0; i < 3; i++) declareLocal("(for state)");
        declareLocal(var);
        next();
        Expr start = expr();
        dis(start, lastLine);
        checkNext(TokenType.COMMA);
        Expr limit = expr();
        dis(limit, lastLine);
        Expr step = null;
        if (testNext(TokenType.COMMA)) {
            step = expr();
            dis(step, lastLine);
        }
        activateLocals(4);
        checkNext(TokenType.DO);
        int doLine = lastLine;
        Stat s = new Ast.NumericFor(line, var, start, limit, step, loopBlock());
        hl(s)[0] = doLine;
        nears.put(s, new Ast.Near[] {near});
        return s;
    }

    /** forlist -> NAME { ',' NAME } IN explist forbody */
    private Stat forList(int line, String first, Ast.Near near) {
        List<String> names = new ArrayList<>();
        List<Ast.Near> ns = new ArrayList<>();
        names.add(first);
        ns.add(near);
        for (int i = 0; i < 4; i++) declareLocal("(for state)");
        declareLocal(first);
        while (testNext(TokenType.COMMA)) {
            String name = checkName();
            names.add(name);
            ns.add(here());
            declareLocal(name);
        }
        checkNext(TokenType.IN);
        int callLine = line();   // the iterator's call (TFORCALL) is on the line where the list starts
        List<Expr> exprs = exprList();
        dis(exprs.getLast(), lastLine);
        activateLocals(4 + names.size());
        checkNext(TokenType.DO);
        int doLine = lastLine;
        Stat s = new Ast.GenericFor(line, names, exprs, loopBlock());
        hl(s)[0] = doLine;
        hl(s)[1] = callLine;
        nears.put(s, ns.toArray(new Ast.Near[0]));
        return s;
    }

    /** funcstat -> FUNCTION funcname body, where funcname -> NAME { '.' NAME } [ ':' NAME ] */
    private Stat funcStat(int line) {
        next();
        int nameLine = line();
        String first = checkName();
        Expr target = new Ast.Name(nameLine, first);
        nears.put(target, here());
        Var v = singleVar(first);
        StringBuilder fullName = new StringBuilder(first);
        boolean method = false;
        while (t.type() == TokenType.DOT || t.type() == TokenType.COLON) {
            method = t.type() == TokenType.COLON;
            fullName.append(method ? ':' : '.');
            next();
            int keyLine = line();
            String key = checkName();
            fullName.append(key);
            target = new Ast.Index(keyLine, target, new Ast.Str(keyLine, key));
            if (method) break;
        }
        Ast.FuncBody body = body(method, line);
        checkReadonly(target, v);
        return new Ast.FunctionStat(line, target, fullName.toString(), new Ast.Function(line, body));
    }

    /** localfunc -> LOCAL FUNCTION NAME body (the reference's linedefined is the line after the name) */
    private Stat localFunc(int line, int functionLine) {
        String name = checkName();
        Ast.Near near = here();
        declareLocal(name);
        activateLocals(1);
        Ast.FuncBody body = body(false, line());
        Stat s = new Ast.LocalFunction(line, name, new Ast.Function(functionLine, body));
        nears.put(s, new Ast.Near[] {near});
        return s;
    }

    /** localstat -> LOCAL NAME attrib { ',' NAME attrib } [ '=' explist ] */
    private Stat localStat(int line) {
        List<String> names = new ArrayList<>();
        List<Ast.Attrib> attribs = new ArrayList<>();
        List<Ast.Near> ns = new ArrayList<>();
        boolean toClose = false;
        do {
            String name = checkName();
            names.add(name);
            ns.add(here());
            declareLocal(name);
            Ast.Attrib attrib = attrib();
            fs.vars.getLast().readonly = attrib != Ast.Attrib.NONE;
            if (attrib == Ast.Attrib.CLOSE) {
                if (toClose) throw semanticError("multiple to-be-closed variables in local list");
                toClose = true;
            }
            attribs.add(attrib);
        } while (testNext(TokenType.COMMA));
        int start = fs.freereg;
        List<Expr> exprs = testNext(TokenType.ASSIGN) ? exprList() : List.of();
        if (!exprs.isEmpty()) dis(exprs.getLast(), lastLine);
        int regs = registerLocals(attribs, exprs);
        if (regs == names.size()) adjustAssign(names.size(), exprs, start);   // not a compile-time constant
        else fs.vars.getLast().constant = true;
        activateLocals(regs);
        Stat s = new Ast.Local(line, names, attribs, exprs);
        hl(s)[0] = lastLine;
        nears.put(s, ns.toArray(new Ast.Near[0]));
        return s;
    }

    /**
     * The registers the reference's adjust_assign takes for nvars targets of exprs, whose
     * values start at register start: the last value's (unless it is a call or '...', which
     * gives the values missing), then those of the values missing; an error near the token
     * after the list when they pass the limit.
     */
    private void adjustAssign(int nvars, List<Expr> exprs, int start) {
        int needed = nvars - exprs.size();
        if (!exprs.isEmpty() && multiValued(exprs.getLast())) {
            fs.freereg = start + exprs.size();   // a call's results start at its function's register
            if (exprs.getLast() instanceof Ast.Vararg) {
                fs.freereg--;
                reserveRegs(1);
            }
        } else {
            fs.freereg = start + Math.max(0, exprs.size() - 1);
            if (!exprs.isEmpty()) reserveRegs(1);
        }
        if (needed > 0) reserveRegs(needed);
    }

    /** How many of a local statement's variables hold registers: all but a last one that is <const> with a literal value (a compile-time constant). */
    private static int registerLocals(List<Ast.Attrib> attribs, List<Expr> exprs) {
        int n = attribs.size();
        if (exprs.size() != n || attribs.getLast() != Ast.Attrib.CONST) return n;
        Expr e = exprs.getLast();
        boolean literal = e instanceof Ast.Int || e instanceof Ast.Flt || e instanceof Ast.Str
                || e instanceof Ast.True || e instanceof Ast.False || e instanceof Ast.Nil;
        return literal ? n - 1 : n;
    }

    /** attrib -> [ '<' NAME '>' ] */
    private Ast.Attrib attrib() {
        if (!testNext(TokenType.LT)) return Ast.Attrib.NONE;
        String name = checkName();
        checkNext(TokenType.GT);
        return switch (name) {
            case "const" -> Ast.Attrib.CONST;
            case "close" -> Ast.Attrib.CLOSE;
            default -> throw semanticError("unknown attribute '" + name + "'");
        };
    }

    /**
     * label -> '::' NAME '::'. Like the reference, further labels and ';'s that
     * follow are parsed as nested statements (which counts for the depth limit).
     */
    private void labelStat(List<Stat> stats, String name, int line) {
        checkNext(TokenType.DBCOLON);
        int at = stats.size();
        stats.add(null);
        while (t.type() == TokenType.SEMI || t.type() == TokenType.DBCOLON) statement(stats);
        createLabel(name, line, blockFollow(false));
        stats.set(at, new Ast.Label(line, name, lexer.line()));
    }

    /** retstat -> RETURN [ explist ] [ ';' ] */
    private Stat retStat(int line) {
        int start = fs.freereg;
        List<Expr> exprs = blockFollow(true) || t.type() == TokenType.SEMI ? List.of() : exprList();
        if (!exprs.isEmpty()) dis(exprs.getLast(), lastLine);
        if (exprs.size() > 1 && !multiValued(exprs.getLast())) {   // the last value goes to the next register
            fs.freereg = start + exprs.size() - 1;
            reserveRegs(1);
        }
        Stat s = new Ast.Return(line, exprs);
        hl(s)[0] = lastLine;
        testNext(TokenType.SEMI);
        return s;
    }

    /** breakstat -> BREAK; outside a loop it is an error once the function is complete */
    private Stat breakStat(int line) {
        next();
        newGoto("break", line);
        return new Ast.Break(line);
    }

    /** exprstat -> call | assignment */
    private Stat exprStat(int line) {
        Expr e = suffixedExp();
        if (t.type() == TokenType.ASSIGN || t.type() == TokenType.COMMA) {
            return assignment(line, e);
        }
        if (!(e instanceof Ast.Call) && !(e instanceof Ast.MethodCall)) throw syntaxError("syntax error");
        return new Ast.CallStat(line, e);
    }

    /**
     * assignment -> target { ',' target } '=' explist. The reference parses each
     * further target one level deeper (recursively); we loop but count the levels.
     */
    private Stat assignment(int line, Expr first) {
        List<Expr> targets = new ArrayList<>();
        targets.add(first);
        int extraLevels = 0;
        for (;;) {
            Expr last = targets.getLast();
            if (!(last instanceof Ast.Name) && !(last instanceof Ast.Index)) throw syntaxError("syntax error");
            checkReadonly(last, lastNameVar);
            if (!testNext(TokenType.COMMA)) break;
            targets.add(suffixedExp());
            enterLevel();
            extraLevels++;
        }
        checkNext(TokenType.ASSIGN);
        int start = fs.freereg;
        List<Expr> exprs = exprList();
        dis(exprs.getLast(), lastLine);
        if (exprs.size() != targets.size()) adjustAssign(targets.size(), exprs, start);
        leaveLevels(extraLevels);
        Stat s = new Ast.Assign(line, targets, exprs);
        hl(s)[0] = lastLine;
        return s;
    }
}
