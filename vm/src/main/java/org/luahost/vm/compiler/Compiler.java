package org.luahost.vm.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.luahost.vm.LuaState;
import org.luahost.vm.chunk.Dump;
import org.luahost.vm.nodes.Block;
import org.luahost.vm.nodes.Calls;
import org.luahost.vm.nodes.Expr;
import org.luahost.vm.nodes.Exprs;
import org.luahost.vm.nodes.HookPoint;
import org.luahost.vm.nodes.Loops;
import org.luahost.vm.nodes.Pins;
import org.luahost.vm.nodes.Stat;
import org.luahost.vm.nodes.Stats;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Proto;

/**
 * Turns a parsed chunk into executable nodes: resolves every name to a local
 * slot, a captured local (cell), an upvalue or a global ({@code _ENV.name}),
 * checks what needs scopes (gotos and labels, {@code <const>} assignments,
 * the reference's limits), and picks specialised nodes (fixed-arity calls,
 * constant-key field access, tail calls).
 *
 * <p>One compiler object compiles one chunk; its code is split by concern
 * over three classes: {@link Scopes} (function state, locals, name
 * resolution, labels and gotos), {@link ExprCompiler} (expressions) and this
 * class (the entry points, functions, blocks and statements).
 */
public final class Compiler extends ExprCompiler {
    private Compiler(Ast.Chunk chunk, boolean strip) { super(chunk, strip); }

    /** Compiles a chunk into a closure whose _ENV upvalue holds env. */
    public static LuaClosure compileMain(LuaState L, Ast.Chunk chunk, Object env) {
        return compileMain(L, chunk, env, null);
    }

    /**
     * As {@link #compileMain(LuaState, Ast.Chunk, Object)}; charge (or null)
     * is called with units of work every {@value #STATS_PER_CHARGE}
     * statements compiled (the loading thread's work meter) and may throw to
     * stop the compilation.
     */
    public static LuaClosure compileMain(LuaState L, Ast.Chunk chunk, Object env, java.util.function.IntConsumer charge) {
        Compiler c = new Compiler(chunk, false);
        c.charge = charge;
        Proto p = c.function(chunk.body(), MAIN_UPVALUES);
        return new LuaClosure(p, new Cell[] {new Cell(env)});
    }

    /** Compiles a chunk into a Proto with one upvalue (_ENV) still unbound. */
    public static Proto compileProto(Ast.Chunk chunk) {
        Compiler c = new Compiler(chunk, false);
        return c.function(chunk.body(), MAIN_UPVALUES);
    }

    private static final String[] MAIN_UPVALUES = {"_ENV"};

    /**
     * Recompiles a function read back from a binary chunk ({@link Dump}): body
     * becomes a function whose upvalues are, in this order, the given names,
     * as they were when it was first compiled inside its enclosing function.
     * With strip, the result has no debug information (source "=?", no lines,
     * no local or upvalue names), as a function the reference loads from a
     * stripped dump.
     */
    public static Proto compileDumped(String source, Ast.FuncBody body, String[] upvalNames,
                               java.util.Map<String, Object> outerConsts, boolean strip) {
        Compiler c = new Compiler(new Ast.Chunk(source, body), strip);
        for (var e : outerConsts.entrySet()) {
            Var v = new Var(e.getKey(), -1, false, Ast.Attrib.CONST);
            v.ctc = true;
            v.ctcValue = e.getValue();
            c.rootConsts.put(e.getKey(), v);
        }
        return c.function(body, upvalNames);
    }

    // ---------------------------------------------------------------- functions

    /** Compiles a function; a root function (main chunk, dumped function) has the given upvalues, a nested one null. */
    @Override
    Proto function(Ast.FuncBody body, String[] rootUpvalues) {
        // a main chunk's lastLine: where its final return is (the last token's line; getinfo still says 0)
        Proto p = new Proto(source, body.line(), body.line() == 0 ? body.block().closeLine() : body.lastLine());
        p.stripped = strip;
        fs = new FS(fs, p);
        if (rootUpvalues != null) {
            for (int i = 0; i < rootUpvalues.length; i++) {
                fs.upNames.add(rootUpvalues[i]);
                fs.upInStack.add(false);
                fs.upIdx.add(i);
            }
        }
        fs.block = new BlockScope(null, 0, false);
        int k = 0;
        int d = 0;
        if (body.method()) declareLocal("self", body.line(), captures.isCaptured(body, k++), Ast.Attrib.NONE, nearOf(body, d++));
        for (String prm : body.params()) declareLocal(prm, body.line(), captures.isCaptured(body, k++), Ast.Attrib.NONE, nearOf(body, d++));
        p.nparams = fs.actives.size();
        p.vararg = body.vararg();
        List<Stat> pre = new ArrayList<>();
        // captured parameters move into cells on entry
        for (Var v : fs.actives) if (v.cell) pre.add(new Stats.NewCell(body.line(), v.slot, new Exprs.Local(body.line(), v.slot, v.name)));
        Block b = blockBody(body.block(), pre, false, p.isMain() ? body.block().closeLine() : body.lastLine());
        closeBlockScope(body.block().endLine(), true);
        p.body = b;
        b.markFunctionBody();
        p.frameSize = fs.maxSlot;
        p.slotCount = Math.max(fs.maxSlot, fs.maxTemp);
        int nu = fs.upNames.size();
        // kept even when stripped: a stripped function dumped again needs them to resolve its names (debug.getupvalue hides them)
        p.upvalNames = fs.upNames.toArray(new String[0]);
        p.upvalInStack = new boolean[nu];
        p.upvalIndex = new int[nu];
        for (int i = 0; i < nu; i++) { p.upvalInStack[i] = fs.upInStack.get(i); p.upvalIndex[i] = fs.upIdx.get(i); }
        // stripped: no names; the slots stay, shown as the reference shows unnamed registers
        p.locals = fs.localInfos.stream()
                .map(e -> strip ? new Proto.LocalInfo("(temporary)", e.slot(), e.startLine(), e.endLine(), e.captured(), null) : e)
                .toArray(Proto.LocalInfo[]::new);
        p.activeLines = strip ? new int[0] : tracksLines() ? codeLines(body, p.isMain())
                : DebugTables.activeLines(body, p.isMain(), constantTests::contains);
        p.ast = body;
        fs = fs.parent;
        return p;
    }

    /** The lines the line model reached in the function being compiled, with a function's final return on its last line. */
    private int[] codeLines(Ast.FuncBody body, boolean main) {
        codeLine(main ? body.block().closeLine() : body.lastLine());
        return fs.codeLines.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Gives the breaks of the loop compiled last that leave a captured or to-be-closed local (or all of
     * them, when the loop's own variable is captured) the line of the reference's OP_CLOSE they jump to;
     * true if there is one.
     */
    private boolean closeBreaks(int line, boolean loopVarCaptured) {
        boolean any = false;
        for (PendingBreak b : loopBreaks) {
            if ((b.close || loopVarCaptured) && line > 0 && tracksLines()) {
                b.node.closeLine = line;
                codeLine(line);
                any = true;
            }
        }
        loopBreaks = List.of();
        return any;
    }

    /** A numeric for whose breaks close: the reference's OP_CLOSE on its 'end' line, after the loop. */
    static final class ClosingLoop extends Block {
        ClosingLoop(Stat loop, HookPoint close) { super(loop.line, new Stat[] {loop, close}, null, new int[0]); }
    }

    // ---------------------------------------------------------------- blocks

    private Block block(Ast.Block b, boolean loop) {
        Block r = block0(b, loop);
        if (loop) markLoopEntry(r);
        return r;
    }

    /** Marks the statement a loop body starts with (through nested blocks) as reached by the loop's jump back. */
    private static void markLoopEntry(Stat s) {
        while (s instanceof Block b && b.getClass() == Block.class && b.statCount() > 0) s = b.stat(0);
        if (s != null) s.loopEntry = true;
    }

    private Block block0(Ast.Block b, boolean loop) {
        fs.block = new BlockScope(fs.block, fs.actives.size(), loop);
        int mark = fs.actives.size();
        int slotMark = fs.nextSlot;
        int tbcMark = fs.ntbc;
        Block r = blockBody(b, new ArrayList<>(), false, b.closeLine());
        closeBlockScope(b.endLine(), false);
        popLocals(mark, b.endLine());
        fs.nextSlot = slotMark;
        fs.ntbc = tbcMark;
        return r;
    }

    /** Compiles statements into a Block (the scope is managed by the caller). */
    private Block blockBody(Ast.Block b, List<Stat> out, boolean repeatBody, int closeLine) {
        int jump = pendingJump;
        pendingJump = 0;
        lastStatEnd = UNKNOWN;
        List<Ast.Stat> stats = b.stats();
        List<Object> labelIds = new ArrayList<>();
        List<Integer> labelPos = new ArrayList<>();
        if (!nilFlows) prevNil = null;
        nilFlows = false;
        for (int i = 0; i < stats.size(); i++) {
            Ast.Stat s = stats.get(i);
            if (s instanceof Ast.Label) {
                prevNil = null;   // a jump target: lua5.4 merges nothing across it
                // a run of labels is declared last-first, as the reference processes them
                int j = i;
                while (j + 1 < stats.size() && stats.get(j + 1) instanceof Ast.Label) j++;
                boolean last = j + 1 == stats.size() && !repeatBody;
                int nextLine = j + 1 < stats.size() ? stats.get(j + 1).line() : b.endLine();
                int labelClose = 0;
                for (int k = j; k >= i; k--) {
                    Ast.Label l = (Ast.Label) stats.get(k);
                    LabelDesc d = defineLabel(l, last, nextLine);
                    labelIds.add(d.id);
                    labelPos.add(out.size());
                    if (d.closes) labelClose = l.line();
                }
                // a forward goto that left a captured or to-be-closed local lands on the reference's
                // OP_CLOSE here, which code running into the label runs too: a line event
                if (labelClose > 0 && tracksLines()) {
                    out.add(new HookPoint(labelClose));
                    codeLine(labelClose);
                }
                i = j;
                continue;
            }
            if (s instanceof Ast.Local l && l.attribs().contains(Ast.Attrib.CLOSE)) {
                out.add(local(l));
                // the <close> variable of the list (a list has at most one), not necessarily the last
                Var v = fs.actives.get(fs.actives.size() - l.names().size() + l.attribs().indexOf(Ast.Attrib.CLOSE));
                fs.ntbc++;
                Ast.Block rest = new Ast.Block(stats.subList(i + 1, stats.size()), b.endLine(), b.closeLine());
                pendingJump = jump;
                jump = 0;
                Block restBlock = blockBody(rest, new ArrayList<>(), repeatBody, closeLine);
                // the check runs where the statement's last token is (lua5.4's OP_TBC follows the explist)
                int tbcLine = line(l, 0) > 0 ? line(l, 0) : l.line();
                out.add(new Stats.Tbc(tbcLine, v.slot, v.cell, strip ? "(temporary)" : v.name, restBlock, closeLine));
                break;
            }
            int[] nil = nilRange(s), prev = prevNil;
            java.util.TreeSet<Integer> linesBefore = nil != null && prev != null && tracksLines() ? new java.util.TreeSet<>(fs.codeLines) : null;
            int endBefore = lastStatEnd;
            nilFlows = s instanceof Ast.Do;   // a 'do' block's first statement follows this one's code directly
            Stat st = stat(s);
            nilFlows = false;
            if (s instanceof Ast.Do) nil = prevNil;   // what its last statement left
            else if (nil == null && s instanceof Ast.Local && st.hookInstrs == 0) nil = prev;   // a <const> local: no code
            if (linesBefore != null && (prev[0] <= nil[0] && nil[0] <= prev[1] + 1 || nil[0] <= prev[0] && prev[0] <= nil[1] + 1)) {
                // lua5.4 merges a LOADNIL into the one just before it when their registers touch: this
                // statement has no instruction of its own (no line event, no active line, no count)
                st.mergedNil = true;
                st.hookInstrs = 0;
                fs.codeLines.retainAll(linesBefore);
                lastStatEnd = endBefore;
                nil = new int[] {Math.min(prev[0], nil[0]), Math.max(prev[1], nil[1])};
            }
            prevNil = nil;
            out.add(st);
        }
        // the block's closing jump, when its line may differ from the last instruction's
        if (jump > 0 && tracksLines() && lastStatEnd != jump) out.add(new HookPoint(jump));
        if (jump > 0) codeLine(jump);
        return new Block(b.endLine(), out.toArray(new Stat[0]),
                labelIds.isEmpty() ? null : labelIds.toArray(), labelPos.stream().mapToInt(Integer::intValue).toArray());
    }

    // ---------------------------------------------------------------- statements

    /**
     * The registers (here: slots) a statement sets to nil when lua5.4 compiles it to one
     * LOADNIL and nothing else ({@code local a, b}, {@code local a = nil}, {@code a = nil} for a
     * local a), else null.
     */
    private int[] nilRange(Ast.Stat s) {
        if (s instanceof Ast.Local l) {
            for (Ast.Attrib a : l.attribs()) if (a != Ast.Attrib.NONE) return null;
            if (l.exprs().size() > l.names().size()) return null;
            for (Ast.Expr e : l.exprs()) if (!(e instanceof Ast.Nil)) return null;
            return new int[] {fs.nextSlot, fs.nextSlot + l.names().size() - 1};
        }
        if (s instanceof Ast.Assign a && a.targets().size() == 1 && a.exprs().size() == 1 && a.exprs().get(0) instanceof Ast.Nil
                && a.targets().get(0) instanceof Ast.Name n && resolveName(n) instanceof LocalRef r) {
            return new int[] {r.v().slot, r.v().slot};
        }
        return null;
    }

    /** The work meter's charge while compiling a loaded chunk, or null; see {@link #compileMain}. */
    private java.util.function.IntConsumer charge;
    private int statsUncharged;
    private static final int STATS_PER_CHARGE = 256, UNITS_PER_STAT = 16;

    /** The line of the jump the block being compiled ends with (a while body's, an if branch's), or 0. */
    private int pendingJump;
    /**
     * The registers (slots) the code compiled last set to nil when it is one LOADNIL that a next
     * one may merge with (see {@link #nilRange}), else null; nilFlows: the block about to be
     * compiled continues the code before it (a 'do' block).
     */
    private int[] prevNil;
    private boolean nilFlows;
    /** The line of the last instruction of the statement compiled last, or UNKNOWN. */
    private int lastStatEnd = UNKNOWN;

    private Stat stat(Ast.Stat s) {
        if (charge != null && ++statsUncharged == STATS_PER_CHARGE) {
            statsUncharged = 0;
            charge.accept(STATS_PER_CHARGE * UNITS_PER_STAT);
        }
        long saved = save();
        int savedInstrs = instrs;
        startStatement();
        instrs = 0;
        Stat st = stat0(s);
        Stat own = st instanceof ClosingLoop cl ? cl.stat(0) : st;
        if (first > 0 && first != own.line && !(own instanceof Block)) own.hookLine = first;
        // 'repeat' has no code of its own; its body's and its condition's lines are recorded as they are compiled
        if (!(own instanceof Block) && !(s instanceof Ast.Repeat)) codeLine(first > 0 ? first : own.line);
        if (tracksLines()) st.hookInstrs = instrs;
        instrs = savedInstrs;
        lastStatEnd = s instanceof Ast.Local || s instanceof Ast.Assign || s instanceof Ast.CallStat
                || s instanceof Ast.FunctionStat || s instanceof Ast.LocalFunction ? cur : UNKNOWN;
        restore(saved);
        return st;
    }

    // instanceof chains, not pattern switches, here and in the compiler's other classes: each type
    // switch is an invokedynamic site the JDK links at its first run by spinning a hidden class,
    // which the AOT cache does not keep (start-up; see BENCHMARKS.md, "Start-up")
    private Stat stat0(Ast.Stat s) {
        if (s instanceof Ast.Local l) return local(l);
        if (s instanceof Ast.Assign a) return assign(a);
        if (s instanceof Ast.CallStat c) return new Stats.ExprStat(c.line(), expr(c.call()));
        if (s instanceof Ast.Do d) return block(d.block(), false);
        if (s instanceof Ast.While w) return whileStat(w);
        if (s instanceof Ast.Repeat r) return repeat(r);
        if (s instanceof Ast.If i) return ifStat(i);
        if (s instanceof Ast.NumericFor n) return numFor(n);
        if (s instanceof Ast.GenericFor g) return genFor(g);
        if (s instanceof Ast.FunctionStat f) return functionStat(f);
        if (s instanceof Ast.LocalFunction lf) return localFunction(lf);
        if (s instanceof Ast.Return r) return ret(r);
        if (s instanceof Ast.Break b) {
            Stats.Break node = new Stats.Break(b.line());
            fs.block.breaks.add(new PendingBreak(node, fs.actives.size()));
            return node;
        }
        if (s instanceof Ast.Goto g) return gotoStat(g);
        if (s instanceof Ast.Label) throw new IllegalStateException("label handled by block");
        throw new MatchException(String.valueOf(s), null);
    }

    private Stat whileStat(Ast.While w) {
        Expr cond = test(w.cond());
        int condFirst = first, condInstrs = instrs;
        pendingJump = w.block().closeLine();   // the jump back, on the body's last token
        Block body = block(w.block(), true);
        closeBreaks(w.block().endLine(), false);
        // for debug line hooks: the loop jumps back to its test, or, when the test is a
        // constant ('while true do'), which has no code, to the first line of the body
        int line = w.line();
        if (trueConstant(w.cond())) constantTests.add(w.cond());
        if (trueConstant(w.cond()) && !w.block().stats().isEmpty()) {
            line = w.block().stats().get(0).line();
        } else if (condFirst > 0) {
            line = condFirst;   // the jump back lands on the test's first instruction
        }
        body.markLoopBody(line, true);
        codeLine(line);
        body.setLoopInstrs(condInstrs + 1);   // the jump back, then the test again
        return new Stats.While(line, cond, body);
    }

    private Stat gotoStat(Ast.Goto g) {
        for (BlockScope bs = fs.block; bs != null; bs = bs.parent) {
            for (LabelDesc d : bs.labels) {
                if (d.name.equals(g.label())) return new Stats.Goto(g.line(), d.id);
            }
        }
        GotoNode n = new GotoNode(g.line());
        fs.block.gotos.add(new PendingGoto(g.label(), g.line(), fs.actives.size(), n));
        return n;
    }

    private Stat local(Ast.Local l) {
        List<String> names = l.names();
        int n = names.size();
        // as localstat: the last of n <const> variables given n values, when its value is known at compile
        // time, is a compile-time constant: it takes no register and no closure captures it
        Object[] cv = n == l.exprs().size() && l.attribs().get(n - 1) == Ast.Attrib.CONST ? constValue(l.exprs().get(n - 1)) : null;
        if (cv != null) {
            Ast.Local rest = new Ast.Local(l.line(), names.subList(0, n - 1), l.attribs().subList(0, n - 1), l.exprs().subList(0, n - 1));
            Stat first = n > 1 ? local(rest, l) : new Block(l.line(), new Stat[0], null, new int[0]);
            Var v = new Var(names.get(n - 1), -1, false, Ast.Attrib.CONST);
            v.ctc = true;
            v.ctcValue = cv[0];
            fs.actives.add(v);
            return first;
        }
        return local(l, l);
    }

    /** A local statement without compile-time constants; l is the statement as written (for debug information). */
    private Stat local(Ast.Local part, Ast.Local l) {
        List<String> names = part.names();
        int n = names.size();
        int mark = fs.npend;
        int[] tempSlots = new int[part.exprs().size()];
        Expr[] exprs = listWithTemps(part.exprs(), tempSlots);   // pending temporaries (D12; see ExprCompiler)
        fs.npend = mark;
        int adjust = line(l, 0);   // missing values are set to nil after the last one
        if (exprs.length == 0) reach(adjust);
        else if (exprs.length < n && !exprs[exprs.length - 1].isMulti()) exprs[exprs.length - 1] = post(exprs[exprs.length - 1], adjust);
        Var[] vars = new Var[n];
        Proto.Decl decl = strip ? null : DebugTables.decl(l.exprs(), false);
        for (int i = 0; i < n; i++) {
            vars[i] = declareLocal(names.get(i), l.line(), captures.isCaptured(l, i), l.attribs().get(i), nearOf(l, i), decl);
        }
        if (n == 1 && exprs.length == 1) {   // one value: a call or ... gives its first (eval)
            return vars[0].cell ? new Stats.NewCell(l.line(), vars[0].slot, exprs[0]) : new Stats.SetLocal(l.line(), vars[0].slot, exprs[0]);
        }
        if (n == 1 && exprs.length == 0) {
            return vars[0].cell ? new Stats.NewCell(l.line(), vars[0].slot, null) : new Stats.SetLocal(l.line(), vars[0].slot, new Exprs.Const(l.line(), null));
        }
        int[] slots = new int[n];
        boolean[] cells = new boolean[n];
        for (int i = 0; i < n; i++) { slots[i] = vars[i].slot; cells[i] = vars[i].cell; }
        Expr[] p = Pins.held(exprs);
        return Pins.scope(new Stats.LocalMulti(l.line(), slots, cells, withTemps(p, tempSlots, 0)), p != exprs);
    }

    private Stat assign(Ast.Assign a) {
        List<Ast.Expr> ts = a.targets();
        if (ts.size() == 1 && a.exprs().size() == 1) {
            Ast.Expr t = ts.get(0);
            if (t instanceof Ast.Name nm) {
                Ref r = resolveName(nm);
                checkConst(r, a.line());
                Ast.Expr ve = a.exprs().get(0);
                Expr v = expr(ve);
                // a store is an instruction, but for a local given a value computed into its register
                if (!(r instanceof LocalRef) || ve instanceof Ast.Call || ve instanceof Ast.MethodCall) v = post(v, line(a, 0));
                return assignTo(r, v, a.line());
            }
            Ast.Index ix = (Ast.Index) t;
            Expr obj = expr(ix.obj());
            Expr key = expr(ix.key());
            // pending temporaries (D12): a table and a key that lua5.4 holds in registers while the value calls
            int mark = fs.npend;
            boolean calls = hasCall(a.exprs().get(0));
            int objSlot = reserveTempIf(calls && !Stats.lateObj(obj, key));
            int keySlot = reserveTempIf(calls && !Stats.lateKey(key) && !(key instanceof Exprs.Const));
            Expr v = post(expr(a.exprs().get(0)), line(a, 0));
            fs.npend = mark;
            // the store is emitted once the values are read: its errors are on that line
            return setIndex(a.line(), storeLine(a), obj, key, v, objSlot, keySlot);
        }
        Stats.Target[] targets = new Stats.Target[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            Ast.Expr t = ts.get(i);
            if (t instanceof Ast.Name nm) {
                Ref r = resolveName(nm);
                checkConst(r, a.line());
                if (r instanceof LocalRef l) targets[i] = new Stats.LocalTarget(l.v().slot, l.v().cell);
                else if (r instanceof UpRef u) targets[i] = new Stats.UpvalTarget(u.idx());
                else if (r instanceof GlobalRef g) targets[i] = new Stats.IndexTarget(env(nm.line()), new Exprs.Const(nm.line(), g.name()), storeLine(a));
                else if (r instanceof ConstRef) throw new IllegalStateException("assignment to a constant passed checkConst");
                else throw new MatchException(String.valueOf(r), null);
            } else {
                Ast.Index ix = (Ast.Index) t;
                targets[i] = new Stats.IndexTarget(expr(ix.obj()), expr(ix.key()), storeLine(a));
            }
        }
        Stats.IndexTarget.resolveConflicts(targets);   // lparser's check_conflict
        // pending temporaries (D12) of the values, when no target holds a register of its own before them
        boolean plain = true;
        for (Ast.Expr t : ts) {
            if (t instanceof Ast.Index ix && !(ix.obj() instanceof Ast.Name on && resolveName(on) instanceof LocalRef
                    && (constValue(ix.key()) != null || ix.key() instanceof Ast.Name kn && resolveName(kn) instanceof LocalRef))) plain = false;
        }
        int mark = fs.npend;
        int[] tempSlots = new int[a.exprs().size()];
        Expr[] values = plain ? listWithTemps(a.exprs(), tempSlots) : exprs(a.exprs());
        if (!plain) java.util.Arrays.fill(tempSlots, -1);
        fs.npend = mark;
        values[values.length - 1] = post(values[values.length - 1], line(a, 0));   // the stores
        Expr[] p = Pins.held(values);
        // the tables and keys of index targets are evaluated first: pinned when a value may call (see Pins)
        boolean pinTargets = Pins.anyMayCall(values, 0);
        return Pins.scope(new Stats.MultiAssign(a.line(), targets, withTemps(p, tempSlots, 0), pinTargets), pinTargets || p != values);
    }

    /** The line of an assignment's stores: where its expression list ends. */
    private int storeLine(Ast.Assign a) {
        return line(a, 0) > 0 ? line(a, 0) : a.line();
    }

    /** obj[key] = v: the table and key, when evaluated before v, pinned while v may call (see {@link Pins}). */
    private static Stat setIndex(int line, int siteLine, Expr obj, Expr key, Expr v) { return setIndex(line, siteLine, obj, key, v, -1, -1); }

    /** objSlot, keySlot: where the table and the key wait while v calls (pending temporaries, D12), or -1. */
    private static Stat setIndex(int line, int siteLine, Expr obj, Expr key, Expr v, int objSlot, int keySlot) {
        boolean lateObj = Stats.lateObj(obj, key), lateKey = Stats.lateKey(key);
        Expr[] p = Pins.held(lateObj ? null : obj, lateKey ? null : key, v);
        Expr o = lateObj ? obj : p[0], k = lateKey ? key : p[1];
        boolean pinned = o != obj || k != key;
        return Pins.scope(new Stats.SetIndex(line, siteLine, temp(o, objSlot), temp(k, keySlot), v), pinned);
    }

    private Stat assignTo(Ref r, Expr v, int line) {
        if (r instanceof LocalRef l) return l.v().cell ? new Stats.SetCell(line, l.v().slot, v) : new Stats.SetLocal(line, l.v().slot, v);
        if (r instanceof UpRef u) return new Stats.SetUpval(line, u.idx(), v);
        if (r instanceof GlobalRef g) return setIndex(line, line, env(line), new Exprs.Const(line, g.name()), v);
        if (r instanceof ConstRef) throw new IllegalStateException("assignment to a constant passed checkConst");
        throw new MatchException(String.valueOf(r), null);
    }

    private Stat repeat(Ast.Repeat r) {
        fs.block = new BlockScope(fs.block, fs.actives.size(), true);
        int mark = fs.actives.size();
        int slotMark = fs.nextSlot;
        int tbcMark = fs.ntbc;
        Block body = blockBody(r.block(), new ArrayList<>(), true, r.block().closeLine());
        markLoopEntry(body);
        long saved = save();
        int before = instrs;
        startStatement();
        Expr cond = test(r.cond());
        int condLine = first > 0 ? first : r.cond().line();
        restore(saved);
        body.markLoopBody(condLine, false);
        body.setLoopInstrs(Math.max(1, instrs - before));   // the test, run after each iteration
        instrs = before;
        closeBlockScope(r.block().endLine(), false);
        closeBreaks(condLine, false);
        popLocals(mark, r.cond().line());
        fs.nextSlot = slotMark;
        fs.ntbc = tbcMark;
        return new Stats.Repeat(r.line(), body, cond);
    }

    /** A condition: the reference tests a value that is not a comparison where the condition's context reads it ('then', 'do'). */
    private Expr test(Ast.Expr c) {
        Expr x = expr(c);
        Ast.Expr folded = foldLogic(c);
        // a false constant ('if nil then') is a jump over the block, where the test would be
        return needsTest(folded) || falseConstant(folded) ? post(x, Math.abs(line(c, 0))) : x;
    }

    /** The conditions of 'if', 'elseif' and 'while' that are true constants, with no code: no active line (DebugTables). */
    private final java.util.Set<Ast.Expr> constantTests = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    // constants as luaK_exp2const knows them ('not nil', '-1', '1 + 2', a <const> local): no test is emitted
    private boolean falseConstant(Ast.Expr e) {
        return constValue(e) instanceof Object[] c && (c[0] == null || c[0] == Boolean.FALSE);
    }

    private boolean trueConstant(Ast.Expr e) {
        return constValue(e) instanceof Object[] c && c[0] != null && c[0] != Boolean.FALSE;
    }

    private boolean needsTest(Ast.Expr e) {
        if (e instanceof Ast.Paren p) return needsTest(p.expr());
        if (constValue(e) != null) return false;
        if (e instanceof Ast.BinOp b) {
            if (comparison(b.op())) return false;
            if (b.op() == Ast.BinOpKind.AND || b.op() == Ast.BinOpKind.OR) return needsTest(b.right());
            return true;
        }
        if (e instanceof Ast.UnOp u && u.op() == Ast.UnOpKind.NOT) return needsTest(u.operand());
        return !(Objects.requireNonNull(e) instanceof Ast.Nil || e instanceof Ast.True || e instanceof Ast.False
                || e instanceof Ast.Int || e instanceof Ast.Flt || e instanceof Ast.Str);
    }

    private Stat ifStat(Ast.If i) {
        Expr[] conds = new Expr[i.conds().size()];
        for (int k = 0; k < conds.length; k++) conds[k] = test(i.conds().get(k));
        Stat[] blocks = new Stat[i.blocks().size()];
        for (int k = 0; k < blocks.length; k++) {
            // a branch followed by others ends with a jump past them, on its last token's line
            if (k < blocks.length - 1 || i.elseBlock() != null) pendingJump = i.blocks().get(k).closeLine();
            blocks[k] = block(i.blocks().get(k), false);
        }
        Stat orelse = i.elseBlock() == null ? null : block(i.elseBlock(), false);
        int line = i.line();
        for (Ast.Expr c : i.conds()) if (trueConstant(foldLogic(c))) constantTests.add(c);
        if (trueConstant(foldLogic(i.conds().get(0)))) {
            // 'if true then': the test has no code; the first line run is the block's (as for 'while true do')
            if (i.blocks().get(0).stats().isEmpty() && blocks.length == 1 && orelse == null) {
                first = 0;
                return new Block(line, new Stat[0], null, new int[0]);   // no code at all
            }
            if (!i.blocks().get(0).stats().isEmpty()) {
                line = i.blocks().get(0).stats().get(0).line();
                first = 0;
            }
        }
        return new Stats.If(line, conds, blocks, orelse);
    }

    private Stat numFor(Ast.NumericFor n) {
        Expr start = expr(n.start()), limit = expr(n.limit());
        Expr step = n.step() == null ? null : expr(n.step());
        // FORPREP, once 'do' is read
        if (step != null) step = post(step, line(n, 0));
        else {
            if (tracksLines()) instrs++;   // the default step's load
            limit = post(limit, line(n, 0));
        }
        int mark = fs.actives.size();
        int slotMark = fs.nextSlot;
        Proto.Decl decl = strip ? null
                : DebugTables.decl(n.step() == null ? List.of(n.start(), n.limit()) : List.of(n.start(), n.limit(), n.step()), false);
        int hidden = hiddenLocals(3, n.line(), nearOf(n, 0), decl);
        // the reference's hidden loop registers (index, iteration count or float limit, step), in frame slots
        // for debug.getlocal: the loop keeps its own copies, so this costs a store per iteration
        int stateSlot = fs.nextSlot;
        fs.nextSlot += 3;
        if (fs.nextSlot > fs.maxSlot) fs.maxSlot = fs.nextSlot;
        for (int k = 0; k < 3; k++) hiddenAt(hidden + k, stateSlot + k, false);
        Var v = declareLocal(n.var(), n.line(), captures.isCaptured(n, 0), Ast.Attrib.NONE, nearOf(n, 0), decl);
        Block body = block(n.block(), true);
        boolean closes = closeBreaks(n.block().endLine(), v.cell);
        fs.hidden -= 3;
        body.markLoopBody(n.line(), false);
        popLocals(mark, n.block().endLine());
        endLocalInfos(hidden, n.block().endLine());
        fs.nextSlot = slotMark;
        Stat loop = new Loops.NumFor(n.line(), start, limit, step, v.slot, v.cell, body, stateSlot);
        // a break that closes jumps to the reference's OP_CLOSE after FORLOOP, which the loop's end also runs
        return closes && tracksLines() ? new ClosingLoop(loop, new HookPoint(n.block().endLine())) : loop;
    }

    private Stat genFor(Ast.GenericFor g) {
        Expr[] es = exprs(g.exprs());
        es[es.length - 1] = post(es[es.length - 1], line(g, 0));   // TFORPREP, once 'do' is read
        int mark = fs.actives.size();
        int slotMark = fs.nextSlot;
        int hidden = hiddenLocals(4, g.line(), nearOf(g, 0), strip ? null : DebugTables.decl(g.exprs(), false));
        Proto.Decl decl = strip ? null : DebugTables.decl(g.exprs(), true);
        int stateSlot = fs.nextSlot;   // the iterator function, state and closing value live in frame slots
        fs.nextSlot += 3;
        if (fs.nextSlot > fs.maxSlot) fs.maxSlot = fs.nextSlot;
        int n = g.names().size();
        int[] slots = new int[n];
        boolean[] cells = new boolean[n];
        for (int i = 0; i < n; i++) {
            Var v = declareLocal(g.names().get(i), g.line(), captures.isCaptured(g, i), Ast.Attrib.NONE, nearOf(g, i), decl);
            slots[i] = v.slot;
            cells[i] = v.cell;
        }
        // the hidden variables debug.getlocal shows: the iterator function, the state, the control
        // value (the first variable's slot: the loop sets both from the iterator's first result),
        // and the closing value
        hiddenAt(hidden, stateSlot, false);
        hiddenAt(hidden + 1, stateSlot + 1, false);
        hiddenAt(hidden + 2, slots[0], cells[0]);
        hiddenAt(hidden + 3, stateSlot + 2, false);
        // the closing value may be set at run time, so the body counts as a to-be-closed
        // scope (as in the reference): a 'return f()' inside it is not a tail call
        fs.ntbc++;
        Block body = block(g.block(), true);
        fs.ntbc--;
        fs.hidden -= 4;
        body.markLoopBody(line(g, 1) > 0 ? line(g, 1) : g.line(), false);
        popLocals(mark, g.block().endLine());
        endLocalInfos(hidden, g.block().endLine());
        fs.nextSlot = slotMark;
        Loops.GenFor gf = new Loops.GenFor(g.line(), startLine(g.exprs().get(0)), es, slots, cells, body, stateSlot);
        gf.endLine = g.block().endLine();
        codeLine(gf.endLine);   // the reference closes the loop's closing value there
        codeLine(line(g, 1) > 0 ? line(g, 1) : g.line());
        return gf;
    }

    /** Gives the hidden loop variable of debug entry i the frame slot where its value is. */
    private void hiddenAt(int i, int slot, boolean cell) {
        Proto.LocalInfo e = fs.localInfos.get(i);
        fs.localInfos.set(i, new Proto.LocalInfo(e.name(), slot, e.startLine(), e.endLine(), cell, e.decl()));
    }

    /** The line of an expression's first token (binary operators and indexing carry a later line). */
    private static int startLine(Ast.Expr e) {
        for (;;) {
            if (e instanceof Ast.BinOp b) e = b.left();
            else if (e instanceof Ast.Index i) e = i.obj();
            else return e.line();
        }
    }

    private Stat functionStat(Ast.FunctionStat f) {
        Ast.Expr t = f.target();
        boolean local = t instanceof Ast.Name nm0 && resolveName(nm0) instanceof LocalRef;
        // the closure is made on its 'end' line and stored on the 'function' line (into a local: made there)
        // loading the table that gets the function, unless it is a local or an upvalue (stored into directly)
        if (t instanceof Ast.Index ix && (ix.obj() instanceof Ast.Index
                || ix.obj() instanceof Ast.Name root && resolveName(root) instanceof GlobalRef)) reach(f.line());
        if (local) reach(f.line());
        Expr fn = expr(f.function());
        if (!local) fn = post(fn, f.line());
        if (t instanceof Ast.Name nm) {
            Ref r = resolveName(nm);
            checkConst(r, f.line());
            return assignTo(r, fn, f.function().body().lastLine());
        }
        Ast.Index ix = (Ast.Index) t;
        // the closure is made on the line of 'end', the store on the 'function' line
        return setIndex(f.function().body().lastLine(), f.line(), expr(ix.obj()), expr(ix.key()), fn);
    }

    private Stat localFunction(Ast.LocalFunction lf) {
        Var v = declareLocal(lf.name(), lf.line(), captures.isCaptured(lf, 0), Ast.Attrib.NONE, nearOf(lf, 0));
        int end = lf.function().body().lastLine();   // the reference creates the closure on the line of its 'end'
        if (v.cell) {
            Expr fn = expr(lf.function());
            return new Block(lf.line(), new Stat[] {new Stats.NewCell(end, v.slot, null), new Stats.SetCell(end, v.slot, fn)}, null, new int[0]);
        }
        return new Stats.SetLocal(end, v.slot, expr(lf.function()));
    }

    private Stat ret(Ast.Return r) {
        List<Ast.Expr> es = r.exprs();
        if (es.isEmpty()) {
            reach(line(r, 0));
            Stats.Return0 r0 = new Stats.Return0(r.line());
            r0.locals = openLocals();
            return r0;
        }
        if (es.size() == 1 && fs.ntbc == 0) {
            Ast.Expr e = es.get(0);
            // a tail call's pins are dropped when the function returns or its frame is reused (see Pins)
            if (e instanceof Ast.Call c) {
                long saved = save();
                Calls.CallBase call = callNode(c);
                restore(saved);   // the call's parts are compiled again below, in the marks' order
                call.liveSlots = fs.nextSlot;
                int mark = fs.npend;
                Expr fn = expr(c.fn());
                int fnSlot = reserveTempIf(hasCall(c.args(), 0));   // pending temporaries (D12), as callNode has them
                int[] argSlots = new int[c.args().size()];
                Expr[] args = listWithTemps(c.args(), argSlots);
                fs.npend = mark;
                if (args.length == 0) fn = post(fn, c.line());   // the tail call, on the call's line
                else args[args.length - 1] = post(args[args.length - 1], c.line());
                Expr[] p = Pins.held(prepend(fn, args));
                args = withTemps(tail(p, args), argSlots, 0);
                call.tailTransfer = returnTransfer(es);
                return new Stats.ReturnTail(r.line(), call, temp(p[0], fnSlot), args, lastMulti(args), null, null);
            }
            if (e instanceof Ast.MethodCall m) {
                Calls.Method call = (Calls.Method) Pins.unscoped(expr(m));
                call.tailTransfer = returnTransfer(es);
                return new Stats.ReturnTail(r.line(), call, null, null, false, call.obj, m.name());
            }
        }
        int transfer = returnTransfer(es);
        int mark = fs.npend;
        int[] tempSlots = new int[es.size()];
        Expr[] exprs = listWithTemps(es, tempSlots);   // pending temporaries (D12; see ExprCompiler)
        fs.npend = mark;
        exprs[exprs.length - 1] = post(exprs[exprs.length - 1], line(r, 0));   // the return instruction
        if (exprs.length == 1 && !exprs[0].isMulti()) {
            Stats.Return1 r1 = new Stats.Return1(r.line(), exprs[0]);
            r1.transfer = transfer;
            r1.locals = openLocals();
            return r1;
        }
        Expr[] p = withTemps(Pins.held(exprs), tempSlots, 0);   // the function's return drops these pins
        Stats.ReturnN rn = new Stats.ReturnN(r.line(), p, lastMulti(p));
        rn.transfer = transfer;
        rn.locals = openLocals();
        return rn;
    }

    /**
     * Where the reference's registers hold what return es hands back (getinfo's
     * ftransfer at the return event, 1-based): a lone local, in parentheses or
     * not, is returned from its own register; anything else from the first
     * register past the active locals (locals with a register are those with an
     * open debug entry: compile-time constants have none, the hidden loop
     * variables have theirs).
     */
    private int returnTransfer(List<Ast.Expr> es) {
        List<Proto.LocalInfo> li = fs.localInfos;
        int lone = -1;
        if (es.size() == 1) {
            Ast.Expr e = es.get(0);
            while (e instanceof Ast.Paren pe) e = pe.expr();
            if (e instanceof Ast.Name n && activeVar(n.name()) instanceof Var v && !v.ctc) lone = v.info;
        }
        int open = 0;
        for (int i = 0; i < li.size(); i++) {
            if (li.get(i).endLine() != Integer.MAX_VALUE) continue;
            open++;
            if (i == lone) return open;
        }
        return open + 1;
    }
}
