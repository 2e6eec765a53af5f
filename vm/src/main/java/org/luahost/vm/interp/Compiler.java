package org.luahost.vm.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.luahost.vm.LuaError;
import org.luahost.vm.LuaState;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.parser.ChunkId;
import org.luahost.vm.runtime.Ops;

/**
 * Turns a parsed chunk into executable nodes: resolves every name to a local
 * slot, a captured local (cell), an upvalue or a global ({@code _ENV.name}),
 * checks what needs scopes (gotos and labels, {@code <const>} assignments,
 * the reference's limits), and picks specialised nodes (fixed-arity calls,
 * constant-key field access, tail calls).
 */
public final class Compiler {
    private static final int MAX_LOCALS = 200;
    private static final int MAX_UPVALS = 255;

    private final String source;
    private final Captures captures;
    private final Map<Object, Object> nears;
    /** Compile without debug information (a stripped binary chunk): no local or upvalue names, no lines. */
    private final boolean strip;
    private FS fs;
    /** Where a limit error about the name being resolved is reported (null: at the name). */
    private Ast.Near curNear;

    private Compiler(Ast.Chunk chunk, boolean strip) {
        this.source = chunk.chunkName();
        this.captures = Captures.analyze(chunk);
        this.nears = chunk.nears();
        this.strip = strip;
    }

    /** The i-th declaration "near" recorded by the parser for node, or null. */
    private Ast.Near nearOf(Object node, int i) {
        return nears.get(node) instanceof Ast.Near[] a && i < a.length ? a[i] : null;
    }

    /** Compiles a chunk into a closure whose _ENV upvalue holds env. */
    public static LuaClosure compileMain(LuaState L, Ast.Chunk chunk, Object env) {
        Compiler c = new Compiler(chunk, false);
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
    static Proto compileDumped(String source, Ast.FuncBody body, String[] upvalNames,
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

    // ---------------------------------------------------------------- function state

    private static final class Var {
        final String name;
        final int slot;
        final boolean cell;
        final Ast.Attrib attrib;
        /** Index of this variable's entry in FS.localInfos (its debug information). */
        int info = -1;
        /** A compile-time constant (see {@link #constValue}): no slot, its uses are the value itself. */
        boolean ctc;
        Object ctcValue;

        Var(String name, int slot, boolean cell, Ast.Attrib attrib) { this.name = name; this.slot = slot; this.cell = cell; this.attrib = attrib; }
    }

    private static final class LabelDesc {
        final String name;
        final int line;
        final int nactvar;
        final Object id = new Object();

        LabelDesc(String name, int line, int nactvar) { this.name = name; this.line = line; this.nactvar = nactvar; }
    }

    private static final class PendingGoto {
        final String name;
        final int line;
        int nactvar;
        final GotoNode node;

        PendingGoto(String name, int line, int nactvar, GotoNode node) { this.name = name; this.line = line; this.nactvar = nactvar; this.node = node; }
    }

    /** A goto whose label is found later in the function. */
    static final class GotoNode extends Stat {
        Object label;

        GotoNode(int line) { super(line); }

        @Override public int exec(Frame f) { f.gotoLabel = label; return GOTO; }
    }

    private static final class BlockScope {
        final BlockScope parent;
        final int nactvar;
        final List<LabelDesc> labels = new ArrayList<>();
        final List<PendingGoto> gotos = new ArrayList<>();
        final boolean loop;

        BlockScope(BlockScope parent, int nactvar, boolean loop) { this.parent = parent; this.nactvar = nactvar; this.loop = loop; }
    }

    private static final class FS {
        final FS parent;
        final Proto proto;
        final List<Var> actives = new ArrayList<>();
        final List<String> upNames = new ArrayList<>();
        final List<Boolean> upInStack = new ArrayList<>();
        final List<Integer> upIdx = new ArrayList<>();
        final List<Proto.LocalInfo> localInfos = new ArrayList<>();
        int nextSlot, maxSlot;
        /** Hidden loop-control variables of the enclosing for loops (they count toward the local limit). */
        int hidden;
        int ntbc;
        BlockScope block;

        FS(FS parent, Proto proto) { this.parent = parent; this.proto = proto; }
    }

    private LuaError error(int line, String msg) {
        return new LuaError(ChunkId.of(source) + ":" + line + ": " + msg);
    }

    /** Compiles a function; a root function (main chunk, dumped function) has the given upvalues, a nested one null. */
    private Proto function(Ast.FuncBody body, String[] rootUpvalues) {
        Proto p = new Proto(source, body.line(), body.lastLine());
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
        p.frameSize = fs.maxSlot;
        int nu = fs.upNames.size();
        // kept even when stripped: a stripped function dumped again needs them to resolve its names (debug.getupvalue hides them)
        p.upvalNames = fs.upNames.toArray(new String[0]);
        p.upvalInStack = new boolean[nu];
        p.upvalIndex = new int[nu];
        for (int i = 0; i < nu; i++) { p.upvalInStack[i] = fs.upInStack.get(i); p.upvalIndex[i] = fs.upIdx.get(i); }
        p.locals = strip ? new Proto.LocalInfo[0] : fs.localInfos.toArray(new Proto.LocalInfo[0]);
        p.ast = body;
        fs = fs.parent;
        return p;
    }

    private Var declareLocal(String name, int line, boolean cell, Ast.Attrib attrib, Ast.Near near) {
        checkLocalLimit(name, line, near);
        Var v = new Var(name, fs.nextSlot++, cell, attrib);
        if (fs.nextSlot > fs.maxSlot) fs.maxSlot = fs.nextSlot;
        fs.actives.add(v);
        v.info = fs.localInfos.size();
        fs.localInfos.add(new Proto.LocalInfo(name, v.slot, line, Integer.MAX_VALUE, cell));
        return v;
    }

    /**
     * Debug information for the reference's hidden loop variables ("(for state)"),
     * which luahost keeps in Java locals: slot -1, so debug.getlocal numbers the
     * visible variables as the reference does. Returns the first entry's index.
     */
    private int hiddenLocals(int n, int line, Ast.Near near) {
        int first = fs.localInfos.size();
        for (int i = 0; i < n; i++) {
            checkLocalLimit("(for state)", line, near);
            fs.localInfos.add(new Proto.LocalInfo("(for state)", -1, line, Integer.MAX_VALUE, false));
            fs.hidden++;
        }
        return first;
    }

    /** The reference's limit of 200 active locals per function (its hidden loop variables included). */
    private void checkLocalLimit(String name, int line, Ast.Near near) {
        if (fs.actives.size() + fs.hidden >= MAX_LOCALS) {
            throw limitError("local variables", MAX_LOCALS, fs, name, line, near);
        }
    }

    private LuaError limitError(String what, int limit, FS f, String name, int line, Ast.Near near) {
        String msg = "too many " + what + " (limit is " + limit + ") in "
                + (f.proto.isMain() ? "main function" : "function at line " + f.proto.line);
        return near == null ? error(line, msg + " near '" + name + "'") : error(near.line(), msg + " near " + near.text());
    }

    /** Ends the scope of the debug entries from index first on that are still open, at endLine. */
    private void endLocalInfos(int first, int endLine) {
        List<Proto.LocalInfo> li = fs.localInfos;
        for (int i = first; i < li.size(); i++) {
            Proto.LocalInfo e = li.get(i);
            if (e.endLine() == Integer.MAX_VALUE) li.set(i, new Proto.LocalInfo(e.name(), e.slot(), e.startLine(), endLine, e.captured()));
        }
    }

    /** Leaves the scope of the variables declared after the first n; their debug scope ends at endLine. */
    private void popLocals(int n, int endLine) {
        List<Var> a = fs.actives;
        if (a.size() > n && a.get(n).info >= 0) endLocalInfos(a.get(n).info, endLine);
        while (a.size() > n) a.remove(a.size() - 1);
    }

    // ---------------------------------------------------------------- name resolution

    private sealed interface Ref permits LocalRef, UpRef, GlobalRef, ConstRef {}
    private record LocalRef(Var v) implements Ref {}
    /** A compile-time constant local, here or in an enclosing function (never an upvalue, as in the reference). */
    private record ConstRef(Var v) implements Ref {}
    private record UpRef(int idx, String name) implements Ref {}
    private record GlobalRef(String name) implements Ref {}

    private Ref resolveName(Ast.Name n) {
        curNear = nears.get(n) instanceof Ast.Near near ? near : null;
        try {
            return resolve(n.name(), n.line());
        } finally {
            curNear = null;
        }
    }

    private Ref resolve(String name, int line) {
        for (int i = fs.actives.size() - 1; i >= 0; i--) {
            Var v = fs.actives.get(i);
            if (v.name.equals(name)) return v.ctc ? new ConstRef(v) : new LocalRef(v);
        }
        ctcHit = null;
        int u = upvalue(fs, name, line);
        if (u == CTC) return new ConstRef(ctcHit);
        if (u >= 0) return new UpRef(u, name);
        return new GlobalRef(name);
    }

    /** What {@link #upvalue} returns when the name is a compile-time constant of an enclosing function (left in ctcHit). */
    private static final int CTC = -2;
    private Var ctcHit;
    /** For a dumped function: the compile-time constants of its enclosing functions it used. */
    private final java.util.Map<String, Var> rootConsts = new java.util.HashMap<>();

    private int upvalue(FS f, String name, int line) {
        int i = f.upNames.indexOf(name);
        if (i >= 0) return i;
        if (f.parent == null) {
            ctcHit = rootConsts.get(name);
            if (ctcHit == null) return -1;
            f.proto.outerConsts.put(name, ctcHit.ctcValue);
            return CTC;
        }
        FS p = f.parent;
        for (int k = p.actives.size() - 1; k >= 0; k--) {
            Var v = p.actives.get(k);
            if (v.name.equals(name)) {
                if (v.ctc) {
                    ctcHit = v;
                    f.proto.outerConsts.put(name, v.ctcValue);   // string.dump needs it to recompile f alone
                    return CTC;
                }
                if (!v.cell) throw new IllegalStateException("captured local not in a cell: " + name);
                return addUp(f, name, true, v.slot, line);
            }
        }
        int pu = upvalue(p, name, line);
        if (pu == CTC) f.proto.outerConsts.put(name, ctcHit.ctcValue);
        if (pu < 0) return pu;
        return addUp(f, name, false, pu, line);
    }

    private int addUp(FS f, String name, boolean inStack, int idx, int line) {
        if (f.upNames.size() >= MAX_UPVALS) {
            throw limitError("upvalues", MAX_UPVALS, f, name, line, curNear);
        }
        f.upNames.add(name);
        f.upInStack.add(inStack);
        f.upIdx.add(idx);
        return f.upNames.size() - 1;
    }

    private Expr read(Ref r, int line) {
        return switch (r) {
            case ConstRef c -> new Exprs.Const(line, c.v.ctcValue);
            case LocalRef l -> l.v.cell ? new Exprs.CellLocal(line, l.v.slot, debugName(l.v.name)) : new Exprs.Local(line, l.v.slot, debugName(l.v.name));
            case UpRef u -> new Exprs.Upval(line, u.idx, strip ? "?" : u.name);
            // without debug information the reference cannot tell that an upvalue is _ENV: "field 'x'"
            case GlobalRef g -> strip ? new Exprs.Field(line, env(line), g.name.intern(), false) : new Exprs.Global(line, env(line), g.name);
        };
    }

    private Expr env(int line) {
        Ref r = resolve("_ENV", line);
        if (r instanceof GlobalRef) throw new IllegalStateException("_ENV unresolved");
        return read(r, line);
    }

    /** A local's name for error messages, or null without debug information. */
    private String debugName(String name) { return strip ? null : name; }

    private boolean isEnv(Expr e) {
        if (strip) return false;
        return (e instanceof Exprs.Upval u && u.name.equals("_ENV")) || (e instanceof Exprs.Local l && l.name.equals("_ENV"))
                || (e instanceof Exprs.CellLocal c && c.name.equals("_ENV"));
    }

    // ---------------------------------------------------------------- blocks

    private Block block(Ast.Block b, boolean loop) {
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
        List<Ast.Stat> stats = b.stats();
        List<Object> labelIds = new ArrayList<>();
        List<Integer> labelPos = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            Ast.Stat s = stats.get(i);
            if (s instanceof Ast.Label) {
                // a run of labels is declared last-first, as the reference processes them
                int j = i;
                while (j + 1 < stats.size() && stats.get(j + 1) instanceof Ast.Label) j++;
                boolean last = j + 1 == stats.size() && !repeatBody;
                int nextLine = j + 1 < stats.size() ? stats.get(j + 1).line() : b.endLine();
                for (int k = j; k >= i; k--) {
                    Ast.Label l = (Ast.Label) stats.get(k);
                    LabelDesc d = defineLabel(l, last, nextLine);
                    labelIds.add(d.id);
                    labelPos.add(out.size());
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
                Block restBlock = blockBody(rest, new ArrayList<>(), repeatBody, closeLine);
                out.add(new Stats.Tbc(l.line(), v.slot, v.cell, strip ? "(temporary)" : v.name, restBlock, closeLine));
                break;
            }
            out.add(stat(s));
        }
        return new Block(b.endLine(), out.toArray(new Stat[0]),
                labelIds.isEmpty() ? null : labelIds.toArray(), labelPos.stream().mapToInt(Integer::intValue).toArray());
    }

    private LabelDesc defineLabel(Ast.Label l, boolean last, int nextLine) {
        for (BlockScope bs = fs.block; bs != null; bs = bs.parent) {
            for (LabelDesc d : bs.labels) {
                if (d.name.equals(l.name())) {
                    throw error(l.checkLine(), "label '" + l.name() + "' already defined on line " + d.line);
                }
            }
        }
        LabelDesc d = new LabelDesc(l.name(), l.line(), last ? fs.block.nactvar : fs.actives.size());
        fs.block.labels.add(d);
        // resolve pending forward gotos of this block
        var it = fs.block.gotos.iterator();
        while (it.hasNext()) {
            PendingGoto g = it.next();
            if (g.name.equals(d.name)) {
                if (g.nactvar < d.nactvar) {
                    String local = fs.actives.get(g.nactvar).name;
                    throw error(nextLine, "<goto " + g.name + "> at line " + g.line + " jumps into the scope of local '" + local + "'");
                }
                g.node.label = d.id;
                it.remove();
            }
        }
        return d;
    }

    private void closeBlockScope(int endLine, boolean function) {
        BlockScope bs = fs.block;
        fs.block = bs.parent;
        if (function || bs.parent == null) {
            if (!bs.gotos.isEmpty()) {
                PendingGoto g = bs.gotos.get(0);
                if (g.name.equals("break")) throw error(endLine, "break outside loop at line " + g.line);
                throw error(endLine, "no visible label '" + g.name + "' for <goto> at line " + g.line);
            }
            return;
        }
        for (PendingGoto g : bs.gotos) {
            g.nactvar = Math.min(g.nactvar, bs.nactvar);
            bs.parent.gotos.add(g);
        }
    }

    // ---------------------------------------------------------------- statements

    private Stat stat(Ast.Stat s) {
        return switch (s) {
            case Ast.Local l -> local(l);
            case Ast.Assign a -> assign(a);
            case Ast.CallStat c -> new Stats.ExprStat(c.line(), expr(c.call()));
            case Ast.Do d -> block(d.block(), false);
            case Ast.While w -> {
                Expr cond = expr(w.cond());
                Block body = block(w.block(), true);
                // for debug line hooks: the loop jumps back to its test, or, when the test is a
                // constant ('while true do'), which has no code, to the first line of the body
                int line = w.line();
                if ((w.cond() instanceof Ast.True || w.cond() instanceof Ast.Int || w.cond() instanceof Ast.Flt
                        || w.cond() instanceof Ast.Str) && !w.block().stats().isEmpty()) {
                    line = w.block().stats().get(0).line();
                }
                body.loopLine = line;
                body.loopForce = true;
                yield new Stats.While(line, cond, body);
            }
            case Ast.Repeat r -> repeat(r);
            case Ast.If i -> ifStat(i);
            case Ast.NumericFor n -> numFor(n);
            case Ast.GenericFor g -> genFor(g);
            case Ast.FunctionStat f -> functionStat(f);
            case Ast.LocalFunction lf -> localFunction(lf);
            case Ast.Return r -> ret(r);
            case Ast.Break b -> new Stats.Break(b.line());
            case Ast.Goto g -> gotoStat(g);
            case Ast.Label l -> throw new IllegalStateException("label handled by block");
        };
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

    /**
     * luaK_exp2const: the value of an expression the reference knows at compile
     * time (nil, booleans, numerals, literal strings, another such constant, and
     * the negation or 'not' of one the reference folds), as a one-element array;
     * null if it is not one.
     */
    private Object[] constValue(Ast.Expr e) {
        return switch (e) {
            case Ast.Nil n -> new Object[] {null};
            case Ast.True t -> new Object[] {Boolean.TRUE};
            case Ast.False f -> new Object[] {Boolean.FALSE};
            case Ast.Int i -> new Object[] {i.value()};
            case Ast.Flt f -> new Object[] {f.value()};
            case Ast.Str s -> new Object[] {s.value().intern()};
            case Ast.Name nm -> findConst(nm.name());
            case Ast.Paren p -> constValue(p.expr());
            case Ast.UnOp u when u.op() == Ast.UnOpKind.NEG && constValue(u.operand()) instanceof Object[] c -> {
                if (c[0] instanceof Long i) yield new Object[] {-i};
                if (!(c[0] instanceof Double x)) yield null;
                // constfolding gives up on a float result of zero or NaN
                yield -x == 0 || Double.isNaN(x) ? null : new Object[] {-x};
            }
            case Ast.UnOp u when u.op() == Ast.UnOpKind.NOT && constValue(u.operand()) instanceof Object[] c ->
                new Object[] {c[0] == null || c[0] == Boolean.FALSE};
            default -> null;
        };
    }

    /** The value of a compile-time constant visible here under that name, without resolving it (which may add upvalues). */
    private Object[] findConst(String name) {
        for (FS f = fs; f != null; f = f.parent) {
            for (int i = f.actives.size() - 1; i >= 0; i--) {
                Var v = f.actives.get(i);
                if (v.name.equals(name)) return v.ctc ? new Object[] {v.ctcValue} : null;
            }
            if (f.upNames.contains(name)) return null;
        }
        Var c = rootConsts.get(name);
        return c == null ? null : new Object[] {c.ctcValue};
    }

    /** A local statement without compile-time constants; l is the statement as written (for debug information). */
    private Stat local(Ast.Local part, Ast.Local l) {
        List<String> names = part.names();
        int n = names.size();
        Expr[] exprs = exprs(part.exprs());
        Var[] vars = new Var[n];
        for (int i = 0; i < n; i++) {
            vars[i] = declareLocal(names.get(i), l.line(), captures.isCaptured(l, i), l.attribs().get(i), nearOf(l, i));
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
        return new Stats.LocalMulti(l.line(), slots, cells, exprs);
    }

    private void checkConst(Ref r, int line) {
        if (r instanceof ConstRef c) throw error(line, "attempt to assign to const variable '" + c.v.name + "'");
        if (r instanceof LocalRef lr && lr.v.attrib != Ast.Attrib.NONE) {
            throw error(line, "attempt to assign to const variable '" + lr.v.name + "'");
        }
        if (r instanceof UpRef u) {
            Var v = findUpvalVar(fs, u.name);
            if (v != null && v.attrib != Ast.Attrib.NONE) throw error(line, "attempt to assign to const variable '" + v.name + "'");
        }
    }

    private Var findUpvalVar(FS f, String name) {
        for (FS p = f.parent; p != null; p = p.parent) {
            for (int k = p.actives.size() - 1; k >= 0; k--) if (p.actives.get(k).name.equals(name)) return p.actives.get(k);
        }
        return null;
    }

    private Stat assign(Ast.Assign a) {
        List<Ast.Expr> ts = a.targets();
        if (ts.size() == 1 && a.exprs().size() == 1) {
            Ast.Expr t = ts.get(0);
            if (t instanceof Ast.Name nm) {
                Ref r = resolveName(nm);
                checkConst(r, a.line());
                Expr v = expr(a.exprs().get(0));
                return assignTo(r, v, a.line());
            }
            Ast.Index ix = (Ast.Index) t;
            Expr obj = expr(ix.obj());
            Expr key = expr(ix.key());
            return new Stats.SetIndex(a.line(), obj, key, expr(a.exprs().get(0)));
        }
        Stats.Target[] targets = new Stats.Target[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            Ast.Expr t = ts.get(i);
            if (t instanceof Ast.Name nm) {
                Ref r = resolveName(nm);
                checkConst(r, a.line());
                targets[i] = switch (r) {
                    case LocalRef l -> new Stats.LocalTarget(l.v.slot, l.v.cell);
                    case ConstRef c -> throw new IllegalStateException("assignment to a constant passed checkConst");
                    case UpRef u -> new Stats.UpvalTarget(u.idx);
                    case GlobalRef g -> new Stats.IndexTarget(env(nm.line()), new Exprs.Const(nm.line(), g.name), a.line());
                };
            } else {
                Ast.Index ix = (Ast.Index) t;
                targets[i] = new Stats.IndexTarget(expr(ix.obj()), expr(ix.key()), a.line());
            }
        }
        // check_conflict: a table or key variable that a later target assigns is read before the assignment
        for (int i = 0; i < targets.length; i++) {
            if (!(targets[i] instanceof Stats.IndexTarget it)) continue;
            for (int j = i + 1; j < targets.length; j++) {
                if (Stats.IndexTarget.sameVariable(it.obj, targets[j])) it.lateObj = false;
                if (Stats.IndexTarget.sameVariable(it.key, targets[j])) it.lateKey = false;
            }
        }
        return new Stats.MultiAssign(a.line(), targets, exprs(a.exprs()));
    }

    private Stat assignTo(Ref r, Expr v, int line) {
        return switch (r) {
            case LocalRef l -> l.v.cell ? new Stats.SetCell(line, l.v.slot, v) : new Stats.SetLocal(line, l.v.slot, v);
            case ConstRef c -> throw new IllegalStateException("assignment to a constant passed checkConst");
            case UpRef u -> new Stats.SetUpval(line, u.idx, v);
            case GlobalRef g -> new Stats.SetIndex(line, env(line), new Exprs.Const(line, g.name), v);
        };
    }

    private Stat repeat(Ast.Repeat r) {
        fs.block = new BlockScope(fs.block, fs.actives.size(), true);
        int mark = fs.actives.size();
        int slotMark = fs.nextSlot;
        int tbcMark = fs.ntbc;
        Block body = blockBody(r.block(), new ArrayList<>(), true, r.block().closeLine());
        Expr cond = expr(r.cond());
        body.loopLine = r.cond().line();
        closeBlockScope(r.block().endLine(), false);
        popLocals(mark, r.cond().line());
        fs.nextSlot = slotMark;
        fs.ntbc = tbcMark;
        return new Stats.Repeat(r.line(), body, cond);
    }

    private Stat ifStat(Ast.If i) {
        Expr[] conds = exprs(i.conds());
        Stat[] blocks = new Stat[i.blocks().size()];
        for (int k = 0; k < blocks.length; k++) blocks[k] = block(i.blocks().get(k), false);
        Stat orelse = i.elseBlock() == null ? null : block(i.elseBlock(), false);
        return new Stats.If(i.line(), conds, blocks, orelse);
    }

    private Stat numFor(Ast.NumericFor n) {
        Expr start = expr(n.start()), limit = expr(n.limit());
        Expr step = n.step() == null ? null : expr(n.step());
        int mark = fs.actives.size();
        int slotMark = fs.nextSlot;
        int hidden = hiddenLocals(3, n.line(), nearOf(n, 0));
        Var v = declareLocal(n.var(), n.line(), captures.isCaptured(n, 0), Ast.Attrib.NONE, nearOf(n, 0));
        Block body = block(n.block(), true);
        fs.hidden -= 3;
        body.loopLine = n.line();
        popLocals(mark, n.block().endLine());
        endLocalInfos(hidden, n.block().endLine());
        fs.nextSlot = slotMark;
        return new Loops.NumFor(n.line(), start, limit, step, v.slot, v.cell, body);
    }

    private Stat genFor(Ast.GenericFor g) {
        Expr[] es = exprs(g.exprs());
        int mark = fs.actives.size();
        int slotMark = fs.nextSlot;
        int hidden = hiddenLocals(4, g.line(), nearOf(g, 0));
        int stateSlot = fs.nextSlot;   // the iterator function, state and closing value live in frame slots
        fs.nextSlot += 3;
        if (fs.nextSlot > fs.maxSlot) fs.maxSlot = fs.nextSlot;
        int n = g.names().size();
        int[] slots = new int[n];
        boolean[] cells = new boolean[n];
        for (int i = 0; i < n; i++) {
            Var v = declareLocal(g.names().get(i), g.line(), captures.isCaptured(g, i), Ast.Attrib.NONE, nearOf(g, i));
            slots[i] = v.slot;
            cells[i] = v.cell;
        }
        Block body = block(g.block(), true);
        fs.hidden -= 4;
        body.loopLine = g.line();
        popLocals(mark, g.block().endLine());
        endLocalInfos(hidden, g.block().endLine());
        fs.nextSlot = slotMark;
        return new Loops.GenFor(g.line(), es, slots, cells, body, stateSlot);
    }

    private Stat functionStat(Ast.FunctionStat f) {
        Expr fn = expr(f.function());
        Ast.Expr t = f.target();
        if (t instanceof Ast.Name nm) {
            Ref r = resolveName(nm);
            checkConst(r, f.line());
            return assignTo(r, fn, f.function().body().lastLine());
        }
        Ast.Index ix = (Ast.Index) t;
        return new Stats.SetIndex(f.function().body().lastLine(), expr(ix.obj()), expr(ix.key()), fn);
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
        if (es.isEmpty()) return new Stats.Return0(r.line());
        if (es.size() == 1 && fs.ntbc == 0) {
            Ast.Expr e = es.get(0);
            if (e instanceof Ast.Call c) {
                Calls.CallBase call = (Calls.CallBase) expr(c);
                Expr fn = expr(c.fn());
                Expr[] args = exprs(c.args());
                return new Stats.ReturnTail(r.line(), call, fn, args, lastMulti(args), null, null);
            }
            if (e instanceof Ast.MethodCall m) {
                Calls.Method call = (Calls.Method) expr(m);
                return new Stats.ReturnTail(r.line(), call, null, null, false, call.obj, m.name());
            }
        }
        Expr[] exprs = exprs(es);
        if (exprs.length == 1 && !exprs[0].isMulti()) return new Stats.Return1(r.line(), exprs[0]);
        return new Stats.ReturnN(r.line(), exprs, lastMulti(exprs));
    }

    // ---------------------------------------------------------------- expressions

    private Expr[] exprs(List<Ast.Expr> es) {
        Expr[] r = new Expr[es.size()];
        for (int i = 0; i < r.length; i++) r[i] = expr(es.get(i));
        return r;
    }

    private static boolean lastMulti(Expr[] es) { return es.length > 0 && es[es.length - 1].isMulti(); }

    private Expr expr(Ast.Expr e) {
        Expr x = expr0(e);
        x.liveSlots = fs.nextSlot;
        return x;
    }

    private Expr expr0(Ast.Expr e) {
        return switch (e) {
            case Ast.Nil n -> new Exprs.Const(n.line(), null);
            case Ast.True t -> new Exprs.Const(t.line(), Boolean.TRUE);
            case Ast.False f -> new Exprs.Const(f.line(), Boolean.FALSE);
            case Ast.Int i -> new Exprs.Const(i.line(), i.value());
            case Ast.Flt f -> new Exprs.Const(f.line(), f.value());
            case Ast.Str s -> new Exprs.Const(s.line(), s.value().intern());
            case Ast.Vararg v -> new Exprs.Vararg(v.line());
            case Ast.Name n -> read(resolveName(n), n.line());
            case Ast.Index ix -> index(ix);
            case Ast.Call c -> call(c);
            case Ast.MethodCall m -> {
                Expr[] args = exprs(m.args());
                yield new Calls.Method(m.line(), expr(m.obj()), m.name().intern(), args, lastMulti(args));
            }
            case Ast.Paren p -> {
                Expr inner = expr(p.expr());
                yield inner.isMulti() ? new Exprs.Paren(p.line(), inner) : inner;
            }
            case Ast.Function f -> new Exprs.Function(f.line(), function(f.body(), null));
            case Ast.Table t -> table(t);
            case Ast.BinOp b -> binop(b);
            case Ast.UnOp u -> unop(u);
        };
    }

    private Expr index(Ast.Index ix) {
        Expr obj = expr(ix.obj());
        if (ix.key() instanceof Ast.Str s) return new Exprs.Field(ix.line(), obj, s.value().intern(), isEnv(obj));
        String keyName = ix.key() instanceof Ast.Int i && i.value() >= 0 && i.value() <= 255 ? "integer index" : "?";
        return new Exprs.Index(ix.line(), obj, expr(ix.key()), keyName);
    }

    private Expr call(Ast.Call c) {
        Expr fn = expr(c.fn());
        Expr[] args = exprs(c.args());
        boolean multi = lastMulti(args);
        if (!multi) {
            switch (args.length) {
                case 0: return new Calls.Call0(c.line(), fn);
                case 1: return new Calls.Call1(c.line(), fn, args[0]);
                case 2: return new Calls.Call2(c.line(), fn, args[0], args[1]);
                case 3: return new Calls.Call3(c.line(), fn, args[0], args[1], args[2]);
                default: break;
            }
        }
        return new Calls.CallN(c.line(), fn, args, multi);
    }

    private Expr table(Ast.Table t) {
        List<Expr> items = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        List<Expr> vals = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (Ast.Field f : t.fields()) {
            switch (f) {
                case Ast.PosField p -> { order.add(items.size()); items.add(expr(p.value())); }
                case Ast.NamedField nf -> {
                    order.add(~keys.size());
                    keys.add(new Exprs.Const(t.line(), nf.name().intern()));
                    vals.add(expr(nf.value()));
                }
                case Ast.KeyedField kf -> { order.add(~keys.size()); keys.add(expr(kf.key())); vals.add(expr(kf.value())); }
            }
        }
        boolean lastMulti = !items.isEmpty() && t.fields().get(t.fields().size() - 1) instanceof Ast.PosField
                && items.get(items.size() - 1).isMulti();
        return new Exprs.Table(t.line(), items.toArray(new Expr[0]), keys.toArray(new Expr[0]), vals.toArray(new Expr[0]),
                order.stream().mapToInt(Integer::intValue).toArray(), lastMulti);
    }

    private Expr binop(Ast.BinOp b) {
        if (b.op() == Ast.BinOpKind.CONCAT) {
            List<Expr> parts = new ArrayList<>();
            flattenConcat(b, parts);
            return new Exprs.Concat(b.line(), parts.toArray(new Expr[0]));
        }
        Expr l = expr(b.left()), r = expr(b.right());
        int line = b.line();
        return switch (b.op()) {
            case OR -> new Exprs.Or(line, l, r);
            case AND -> new Exprs.And(line, l, r);
            case LT -> new Arith.Lt(line, l, r);
            case GT -> new Arith.Gt(line, l, r);
            case LE -> new Arith.Le(line, l, r);
            case GE -> new Arith.Ge(line, l, r);
            case EQ -> new Arith.Eq(line, l, r, false);
            case NE -> new Arith.Eq(line, l, r, true);
            case ADD -> new Arith.Add(line, l, r);
            case SUB -> new Arith.Sub(line, l, r);
            case MUL -> new Arith.Mul(line, l, r);
            case DIV -> new Arith.Div(line, l, r);
            case MOD -> new Arith.Mod(line, l, r);
            case IDIV -> new Arith.IDiv(line, l, r);
            case POW -> new Arith.Pow(line, l, r);
            case BAND -> new Arith.Bitwise(line, Ops.BAND, l, r);
            case BOR -> new Arith.Bitwise(line, Ops.BOR, l, r);
            case BXOR -> new Arith.Bitwise(line, Ops.BXOR, l, r);
            case SHL -> new Arith.Bitwise(line, Ops.SHL, l, r);
            case SHR -> new Arith.Bitwise(line, Ops.SHR, l, r);
            case CONCAT -> throw new IllegalStateException();
        };
    }

    private void flattenConcat(Ast.Expr e, List<Expr> out) {
        if (e instanceof Ast.BinOp b && b.op() == Ast.BinOpKind.CONCAT) {
            out.add(expr(b.left()));
            flattenConcat(b.right(), out);
        } else {
            out.add(expr(e));
        }
    }

    private Expr unop(Ast.UnOp u) {
        Expr a = expr(u.operand());
        return switch (u.op()) {
            case NOT -> new Exprs.Not(u.line(), a);
            case NEG -> a instanceof Exprs.Const c && c.value instanceof Long l ? new Exprs.Const(u.line(), -l)
                    : a instanceof Exprs.Const c && c.value instanceof Double d ? new Exprs.Const(u.line(), -d)
                    : new Arith.Neg(u.line(), a);
            case LEN -> new Exprs.Len(u.line(), a);
            case BNOT -> new Arith.BNot(u.line(), a);
        };
    }
}
