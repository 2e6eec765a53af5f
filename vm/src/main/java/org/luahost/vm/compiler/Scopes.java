package org.luahost.vm.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.luahost.vm.LuaError;
import org.luahost.vm.nodes.Stat;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.parser.ChunkId;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Proto;

/**
 * The compiler's bookkeeping of names and scopes, shared by its expression
 * half ({@link ExprCompiler}) and its statement half ({@link Compiler}): the
 * state of each function being compiled ({@link FS}: active locals, upvalues,
 * debug entries of locals, block scopes), the declaration of locals under the
 * reference's limits, the resolution of a name to a local slot, a captured
 * local (cell), an upvalue, a compile-time constant or a global, and the
 * matching of gotos with labels. One instance compiles one chunk, on one
 * thread.
 */
abstract class Scopes {
    static final int MAX_LOCALS = 200;
    static final int MAX_UPVALS = 255;

    final String source;
    final Captures captures;
    final Map<Object, Object> nears;
    /** Compile without debug information (a stripped binary chunk): no local or upvalue names, no lines. */
    final boolean strip;
    FS fs;
    /** Where a limit error about the name being resolved is reported (null: at the name). */
    Ast.Near curNear;

    Scopes(Ast.Chunk chunk, boolean strip) {
        this.source = chunk.chunkName();
        this.captures = Captures.analyze(chunk);
        this.nears = chunk.nears();
        this.strip = strip;
    }

    /** The i-th declaration "near" recorded by the parser for node, or null. */
    Ast.Near nearOf(Object node, int i) {
        return nears.get(node) instanceof Ast.Near[] a && i < a.length ? a[i] : null;
    }

    // ---------------------------------------------------------------- function state

    static final class Var {
        final String name;
        final int slot;
        final boolean cell;
        final Ast.Attrib attrib;
        /** Index of this variable's entry in FS.localInfos (its debug information). */
        int info = -1;
        /** A compile-time constant (see {@link ExprCompiler#constValue}): no slot, its uses are the value itself. */
        boolean ctc;
        Object ctcValue;

        Var(String name, int slot, boolean cell, Ast.Attrib attrib) { this.name = name; this.slot = slot; this.cell = cell; this.attrib = attrib; }
    }

    static final class LabelDesc {
        final String name;
        final int line;
        final int nactvar;
        final Object id = new Object();
        /** A forward goto that leaves the scope of a captured or to-be-closed local jumps here (the reference closes it here). */
        boolean closes;

        LabelDesc(String name, int line, int nactvar) { this.name = name; this.line = line; this.nactvar = nactvar; }
    }

    static final class PendingGoto {
        final String name;
        final int line;
        int nactvar;
        final GotoNode node;
        /** It leaves a block with a captured or to-be-closed local (the reference's Labeldesc.close). */
        boolean close;

        PendingGoto(String name, int line, int nactvar, GotoNode node) { this.name = name; this.line = line; this.nactvar = nactvar; this.node = node; }
    }

    /** A goto whose label is found later in the function. */
    static final class GotoNode extends Stat {
        Object label;

        GotoNode(int line) { super(line); }

        @Override public int exec(Frame f) { f.gotoLabel = label; return GOTO; }
    }

    /** A break on its way out to its loop's scope: as a pending goto of the reference, for its close flag. */
    static final class PendingBreak {
        final org.luahost.vm.nodes.Stats.Break node;
        int nactvar;
        boolean close;

        PendingBreak(org.luahost.vm.nodes.Stats.Break node, int nactvar) { this.node = node; this.nactvar = nactvar; }
    }

    static final class BlockScope {
        final BlockScope parent;
        final int nactvar;
        final List<LabelDesc> labels = new ArrayList<>();
        final List<PendingGoto> gotos = new ArrayList<>();
        /** The breaks inside this block not yet resolved to their loop. */
        final List<PendingBreak> breaks = new ArrayList<>();
        final boolean loop;

        BlockScope(BlockScope parent, int nactvar, boolean loop) { this.parent = parent; this.nactvar = nactvar; this.loop = loop; }
    }

    static final class FS {
        final FS parent;
        final Proto proto;
        final List<Var> actives = new ArrayList<>();
        final List<String> upNames = new ArrayList<>();
        final List<Boolean> upInStack = new ArrayList<>();
        final List<Integer> upIdx = new ArrayList<>();
        final List<Proto.LocalInfo> localInfos = new ArrayList<>();
        int nextSlot, maxSlot;
        /**
         * The slots of the pending temporaries of the expression being compiled (the first npend),
         * in lua5.4's register order, and one past the highest such slot used (see ExprCompiler.reserveTemp).
         */
        int[] pend = new int[8];
        int npend, maxTemp;
        /** Hidden loop-control variables of the enclosing for loops (they count toward the local limit). */
        int hidden;
        int ntbc;
        BlockScope block;
        /** The lines of the instructions the reference would emit for this function (its lineinfo: activelines). */
        final java.util.TreeSet<Integer> codeLines = new java.util.TreeSet<>();

        FS(FS parent, Proto proto) { this.parent = parent; this.proto = proto; }
    }

    LuaError error(int line, String msg) {
        return new LuaError(ChunkId.of(source) + ":" + line + ": " + msg);
    }

    // ---------------------------------------------------------------- locals

    /** The locals in scope here (debug entries still open), as indices into the function's locals: see Site.returnLocals. */
    int[] openLocals() {
        List<Proto.LocalInfo> li = fs.localInfos;
        int n = 0;
        for (Proto.LocalInfo e : li) if (e.endLine() == Integer.MAX_VALUE) n++;
        int[] r = new int[n];
        n = 0;
        for (int i = 0; i < li.size(); i++) if (li.get(i).endLine() == Integer.MAX_VALUE) r[n++] = i;
        return r;
    }

    Var declareLocal(String name, int line, boolean cell, Ast.Attrib attrib, Ast.Near near) {
        return declareLocal(name, line, cell, attrib, near, null);
    }

    /** Declares a local; decl: the calls its declaration makes (see {@link Proto.Decl}), or null. */
    Var declareLocal(String name, int line, boolean cell, Ast.Attrib attrib, Ast.Near near, Proto.Decl decl) {
        checkLocalLimit(name, line, near);
        Var v = new Var(name, fs.nextSlot++, cell, attrib);
        if (fs.nextSlot > fs.maxSlot) fs.maxSlot = fs.nextSlot;
        fs.actives.add(v);
        v.info = fs.localInfos.size();
        fs.localInfos.add(new Proto.LocalInfo(name, v.slot, line, Integer.MAX_VALUE, cell, decl));
        return v;
    }

    /**
     * Debug information for the reference's hidden loop variables ("(for state)"),
     * so that debug.getlocal numbers the visible variables as the reference does:
     * slot -1 (no value: a numeric for keeps them in Java locals) until the
     * caller gives them slots (a generic for). Returns the first entry's index.
     */
    int hiddenLocals(int n, int line, Ast.Near near, Proto.Decl decl) {
        int first = fs.localInfos.size();
        for (int i = 0; i < n; i++) {
            checkLocalLimit("(for state)", line, near);
            fs.localInfos.add(new Proto.LocalInfo("(for state)", -1, line, Integer.MAX_VALUE, false, decl));
            fs.hidden++;
        }
        return first;
    }

    /** The reference's limit of 200 active locals per function (its hidden loop variables included). */
    void checkLocalLimit(String name, int line, Ast.Near near) {
        if (fs.actives.size() + fs.hidden >= MAX_LOCALS) {
            throw limitError("local variables", MAX_LOCALS, fs, name, line, near);
        }
    }

    LuaError limitError(String what, int limit, FS f, String name, int line, Ast.Near near) {
        String msg = "too many " + what + " (limit is " + limit + ") in "
                + (f.proto.isMain() ? "main function" : "function at line " + f.proto.line);
        return near == null ? error(line, msg + " near '" + name + "'") : error(near.line(), msg + " near " + near.text());
    }

    /** Ends the scope of the debug entries from index first on that are still open, at endLine. */
    void endLocalInfos(int first, int endLine) {
        List<Proto.LocalInfo> li = fs.localInfos;
        for (int i = first; i < li.size(); i++) {
            Proto.LocalInfo e = li.get(i);
            if (e.endLine() == Integer.MAX_VALUE) li.set(i, e.endingAt(endLine));
        }
    }

    /** Leaves the scope of the variables declared after the first n; their debug scope ends at endLine. */
    void popLocals(int n, int endLine) {
        List<Var> a = fs.actives;
        if (a.size() > n && a.get(n).info >= 0) endLocalInfos(a.get(n).info, endLine);
        while (a.size() > n) a.remove(a.size() - 1);
    }

    // ---------------------------------------------------------------- name resolution

    sealed interface Ref permits LocalRef, UpRef, GlobalRef, ConstRef {}
    record LocalRef(Var v) implements Ref {}
    /** A compile-time constant local, here or in an enclosing function (never an upvalue, as in the reference). */
    record ConstRef(Var v) implements Ref {}
    record UpRef(int idx, String name) implements Ref {}
    record GlobalRef(String name) implements Ref {}

    Ref resolveName(Ast.Name n) {
        curNear = nears.get(n) instanceof Ast.Near near ? near : null;
        try {
            return resolve(n.name(), n.line());
        } finally {
            curNear = null;
        }
    }

    /** The innermost active variable of the function being compiled named name, or null. */
    Var activeVar(String name) {
        for (int i = fs.actives.size() - 1; i >= 0; i--) {
            Var v = fs.actives.get(i);
            if (v.name.equals(name)) return v;
        }
        return null;
    }

    Ref resolve(String name, int line) {
        Var v = activeVar(name);
        if (v != null) return v.ctc ? new ConstRef(v) : new LocalRef(v);
        ctcHit = null;
        int u = upvalue(fs, name, line);
        if (u == CTC) return new ConstRef(ctcHit);
        if (u >= 0) return new UpRef(u, name);
        return new GlobalRef(name);
    }

    /** What {@link #upvalue} returns when the name is a compile-time constant of an enclosing function (left in ctcHit). */
    static final int CTC = -2;
    Var ctcHit;
    /** For a dumped function: the compile-time constants of its enclosing functions it used. */
    final java.util.Map<String, Var> rootConsts = new java.util.HashMap<>();

    int upvalue(FS f, String name, int line) {
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

    int addUp(FS f, String name, boolean inStack, int idx, int line) {
        if (f.upNames.size() >= MAX_UPVALS) {
            throw limitError("upvalues", MAX_UPVALS, f, name, line, curNear);
        }
        f.upNames.add(name);
        f.upInStack.add(inStack);
        f.upIdx.add(idx);
        return f.upNames.size() - 1;
    }

    void checkConst(Ref r, int line) {
        if (r instanceof ConstRef c) throw error(line, "attempt to assign to const variable '" + c.v.name + "'");
        if (r instanceof LocalRef lr && lr.v.attrib != Ast.Attrib.NONE) {
            throw error(line, "attempt to assign to const variable '" + lr.v.name + "'");
        }
        if (r instanceof UpRef u) {
            Var v = findUpvalVar(fs, u.name);
            if (v != null && v.attrib != Ast.Attrib.NONE) throw error(line, "attempt to assign to const variable '" + v.name + "'");
        }
    }

    Var findUpvalVar(FS f, String name) {
        for (FS p = f.parent; p != null; p = p.parent) {
            for (int k = p.actives.size() - 1; k >= 0; k--) if (p.actives.get(k).name.equals(name)) return p.actives.get(k);
        }
        return null;
    }

    /** The value of a compile-time constant visible here under that name, without resolving it (which may add upvalues). */
    Object[] findConst(String name) {
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

    // ---------------------------------------------------------------- labels and gotos

    LabelDesc defineLabel(Ast.Label l, boolean last, int nextLine) {
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
                if (g.close) d.closes = true;
                it.remove();
            }
        }
        return d;
    }

    void closeBlockScope(int endLine, boolean function) {
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
        boolean upval = upval(bs);
        for (PendingGoto g : bs.gotos) {
            if (g.nactvar > bs.nactvar && upval) g.close = true;
            g.nactvar = Math.min(g.nactvar, bs.nactvar);
            bs.parent.gotos.add(g);
        }
        for (PendingBreak b : bs.breaks) {
            if (b.nactvar > bs.nactvar && upval) b.close = true;
            b.nactvar = Math.min(b.nactvar, bs.nactvar);
        }
        if (bs.loop) loopBreaks = bs.breaks;
        else bs.parent.breaks.addAll(bs.breaks);
    }

    /** The breaks of the loop whose scope was closed last (its compiler gives those that close a close line). */
    List<PendingBreak> loopBreaks = List.of();

    /** Whether a block's locals (those still active) include a captured or to-be-closed one (the reference's bl->upval). */
    private boolean upval(BlockScope bs) {
        for (int i = bs.nactvar; i < fs.actives.size(); i++) {
            Var v = fs.actives.get(i);
            if (v.cell || v.attrib == Ast.Attrib.CLOSE) return true;
        }
        return false;
    }
}
