package org.luahost.vm.nodes;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.MethodTypeDesc;

/**
 * The statement half of the second tier's code generator ({@link Jit}): emits
 * a unit's {@code exec} method ({@link #unit}), its blocks with the hook and
 * work-meter checks that {@link Block#exec} makes, assignments, branches,
 * loops (with a long-counting fast path for numeric {@code for}), returns and
 * tail calls. A statement it does not compile inline runs as its node's
 * {@code exec}, whose signal (break, return, goto, tail call) the code
 * passes on ({@link #signal}).
 */
final class JitStats extends JitExprs {
    /** Where a break jumps: the end of the innermost compiled loop, or null (break leaves the unit). */
    Label breakTarget;

    void unit(CodeBuilder c, Block b) {
        cb = c;
        root = b;
        breakTarget = null;
        current = -1;
        slotsLocal = cb.allocateLocal(TypeKind.REFERENCE);
        thLocal = cb.allocateLocal(TypeKind.REFERENCE);
        upsLocal = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(fLocal).getfield(CD_Frame, "slots", CD_Objects).astore(slotsLocal);
        cb.aload(fLocal).getfield(CD_Frame, "thread", CD_Thread).astore(thLocal);
        // upvalues: the closure's, fixed for the activation (null for code run without a closure)
        Label noClosure = cb.newLabel(), done = cb.newLabel();
        cb.aload(fLocal).getfield(CD_Frame, "closure", CD_Closure).ifnull(noClosure);
        cb.aload(fLocal).getfield(CD_Frame, "closure", CD_Closure).getfield(CD_Closure, "upvals", CD_Cells).astore(upsLocal);
        cb.goto_(done);
        cb.labelBinding(noClosure);
        cb.aconst_null().astore(upsLocal);
        cb.labelBinding(done);
        block(b);
        cb.iconst_0().ireturn();
    }

    // ---------------------------------------------------------------- statements

    /** With luahost.jit.debug: the blocks this unit's code contains (itself and those inlined). */
    final java.util.List<Block> inlined = new java.util.ArrayList<>();

    // ---------------------------------------------------------------- pieces (a large unit split into methods)

    /**
     * The first pass over a class ({@link Jit}) measures: it puts numbered marks (line-number
     * entries 1, 2, ...; none beyond {@link #MAX_MARKS}) at the start and end of each block it
     * emits and at the start of each of its statements, so that the class's line-number table
     * gives every block's and statement's offset. {@link #marked} lists the blocks in order,
     * {@link #parent} the enclosing block's index (-1 for a method's root), {@link #marks} each
     * block's marks: its start, each statement's start, the end of its last statement, its end.
     */
    boolean measure;
    final java.util.List<Block> marked = new java.util.ArrayList<>();
    final java.util.List<Integer> parent = new java.util.ArrayList<>();
    final java.util.List<int[]> marks = new java.util.ArrayList<>();
    int nmarks;
    static final int MAX_MARKS = 65000;   // line numbers are u2
    private int current = -1;
    /** The second pass: the blocks emitted as methods of their own ({@code p<n>}) and called; null: none. */
    java.util.Map<Block, Integer> pieces;
    /**
     * The second pass: for a block, the runs of its statements emitted as methods of their own,
     * each {from, to (exclusive)} with a block of those statements as its piece ({@link #pieces}).
     */
    java.util.Map<Block, java.util.List<Run>> runs;
    record Run(int from, int to, Block piece) {}
    /** The class being built (pieces are its methods), and the pieces called but not yet emitted. */
    java.lang.constant.ClassDesc self;
    final java.util.List<Block> pending = new java.util.ArrayList<>();
    /** The block a method being emitted starts with (never called as a piece of itself). */
    private Block root;

    /** Emits method p<n> for each piece called so far (and those its pieces call). */
    void emitPieces(java.lang.classfile.ClassBuilder clb) {
        for (int k = 0; k < pending.size(); k++) {   // grows while the pieces are emitted
            Block b = pending.get(k);
            clb.withMethodBody("p" + pieces.get(b), MethodTypeDesc.of(CD_int, CD_Frame),
                    java.lang.classfile.ClassFile.ACC_PUBLIC | java.lang.classfile.ClassFile.ACC_FINAL, c -> unit(c, b));
        }
        pending.clear();
    }

    /** Calls piece b (a method of this class) and passes its signal on as an opaque statement's. */
    private void callPiece(Block b) {
        if (!pending.contains(b)) pending.add(b);
        cb.aload(0).aload(fLocal).invokevirtual(self, "p" + pieces.get(b), MethodTypeDesc.of(CD_int, CD_Frame));
        signal();
    }

    private int mark() {
        if (nmarks >= MAX_MARKS) return -1;
        cb.lineNumber(++nmarks);
        cb.nop();   // every mark at an offset of its own (the table keeps one entry per offset)
        return nmarks;
    }

    void block(Block b) {
        if (pieces != null && b != root && pieces.containsKey(b)) {
            callPiece(b);
            return;
        }
        block0(b);
    }

    private void block0(Block b) {
        inlined.add(b);
        int id = -1, up = current;
        int[] m = null;
        if (measure) {
            id = marked.size();
            marked.add(b);
            parent.add(b == root ? -1 : current);
            m = new int[b.stats.length + 3];
            marks.add(m);
            current = id;
            m[0] = mark();
        }
        java.util.List<Run> rs = runs == null ? null : runs.get(b);
        for (int i = 0; i < b.stats.length; i++) {
            if (rs != null) {
                Run r = null;
                for (Run x : rs) if (x.from() == i) r = x;
                if (r != null) {   // statements from..to-1 as a method of their own
                    callPiece(r.piece());
                    i = r.to() - 1;
                    continue;
                }
            }
            if (measure) m[i + 1] = mark();
            Stat s = b.stats[i];
            Label skip = cb.newLabel();
            cb.aload(thLocal).getfield(CD_Thread, "hookMask", CD_int).ifeq(skip);
            cb.aload(thLocal).aload(fLocal);
            constant(s, CD_Stat);
            cb.invokestatic(CD_Rt, "hookStat", MethodTypeDesc.of(CD_void, CD_Thread, CD_Frame, CD_Stat));
            cb.labelBinding(skip);
            stat(s);
        }
        if (measure) m[b.stats.length + 1] = mark();
        if (b.loopLine != 0) {
            // the end of a loop body's iteration: a back-edge for the work meter, then the hook
            Label fed = cb.newLabel();
            cb.aload(thLocal).aload(thLocal).getfield(CD_Thread, "workLeft", CD_int).iconst_1().isub()
                    .putfield(CD_Thread, "workLeft", CD_int);
            cb.aload(thLocal).getfield(CD_Thread, "workLeft", CD_int).ifge(fed);
            cb.aload(thLocal).aload(fLocal);
            constant(b, CD_Block);
            cb.invokestatic(CD_Rt, "backEdge", MethodTypeDesc.of(CD_void, CD_Thread, CD_Frame, CD_Block));
            cb.labelBinding(fed);
            Label skip = cb.newLabel();
            cb.aload(thLocal).getfield(CD_Thread, "hookMask", CD_int).ifeq(skip);
            cb.aload(thLocal).aload(fLocal);
            constant(b, CD_Block);
            cb.invokestatic(CD_Rt, "hookLoop", MethodTypeDesc.of(CD_void, CD_Thread, CD_Frame, CD_Block));
            cb.labelBinding(skip);
        }
        if (measure) {
            m[b.stats.length + 2] = mark();
            current = up;
        }
    }

    /** A statement body that is a block (or any statement). */
    void body(Stat s) {
        if (s instanceof Block b && b.getClass() == Block.class && b.labels == null) block(b);
        else stat(s);
    }

    void stat(Stat s) {
        switch (s) {
            case Block b when b.getClass() == Block.class && b.labels == null -> block(b);
            case Stats.ExprStat e -> { expr(e.e); cb.pop(); }
            case Pins.ScopeStat ss -> {
                int mark = pinMark();
                stat(ss.s);
                unpin(mark);
            }
            case Stats.SetLocal sl -> { expr(sl.e); storeSlot(sl.slot); }
            case Stats.NewCell nc -> {
                if (nc.e == null) cb.aconst_null(); else expr(nc.e);
                cb.invokestatic(CD_Rt, "cell", MethodTypeDesc.of(CD_Cell, CD_Object));
                storeSlot(nc.slot);
            }
            case Stats.SetCell sc -> {
                expr(sc.e);
                loadSlot(sc.slot);
                cb.checkcast(CD_Cell).swap().putfield(CD_Cell, "v", CD_Object);
            }
            case Stats.SetUpval su -> {
                expr(su.e);
                cb.aload(upsLocal).loadConstant(su.idx).aaload().swap().putfield(CD_Cell, "v", CD_Object);
            }
            case Stats.SetIndex si -> {
                int o = temp(), k = temp(), v = temp();
                if (!si.lateObj) { expr(si.obj); cb.astore(o); }
                if (!si.lateKey) { expr(si.key); cb.astore(k); }
                expr(si.val); cb.astore(v);
                if (si.lateObj) { expr(si.obj); cb.astore(o); }   // as Stats.SetIndex: read after the value
                if (si.lateKey) { expr(si.key); cb.astore(k); }
                if (si.cache != null) {   // obj.name = v: as Stats.SetIndex.exec
                    Label done = cachedStore(o, v, si.cache);
                    cb.aload(fLocal).aload(o).aload(v);
                    node(si);
                    cb.invokestatic(CD_Stats, "storeField", MethodTypeDesc.of(CD_void, CD_Frame, CD_Object, CD_Object,
                            desc(Stats.SetIndex.class)));
                    cb.labelBinding(done);
                    break;
                }
                cb.aload(fLocal).aload(o).aload(k).aload(v);
                node(si.site);
                cb.invokestatic(CD_Stats, "store", MethodTypeDesc.of(CD_void, CD_Frame, CD_Object, CD_Object, CD_Object,
                        desc(org.luahost.vm.runtime.Site.class)));
            }
            case Stats.LocalMulti lm -> {
                int[] t = values(lm.exprs, lm.slots.length);
                for (int i = 0; i < lm.slots.length; i++) {
                    cb.aload(t[i]);
                    if (lm.cells[i]) cb.invokestatic(CD_Rt, "cell", MethodTypeDesc.of(CD_Cell, CD_Object));
                    storeSlot(lm.slots[i]);
                }
            }
            case Stats.MultiAssign ma when simpleTargets(ma.targets) -> multiAssign(ma);
            case Stats.If i -> ifStat(i);
            case Stats.While w -> {
                Label top = cb.newLabel(), end = cb.newLabel();
                cb.labelBinding(top);
                cond(w.cond, end, false);
                loopBody(w.body, end);
                cb.goto_(top);
                cb.labelBinding(end);
            }
            case Stats.Repeat r -> {
                Label top = cb.newLabel(), end = cb.newLabel();
                cb.labelBinding(top);
                loopBody(r.body, end);
                cond(r.cond, top, false);
                cb.labelBinding(end);
            }
            case Loops.NumFor nf -> numFor(nf);
            case Stats.Break b when b.closeLine > 0 -> opaqueStat(b);   // its close's line event
            case Stats.Break b -> {
                if (breakTarget != null) cb.goto_(breakTarget);
                else cb.iconst_1().ireturn();
            }
            case Stats.Return0 r -> {
                cb.aload(fLocal).getstatic(desc(org.luahost.vm.LuaFunction.class), "NONE", CD_Objects)
                        .putfield(CD_Frame, "retN", CD_Objects);
                cb.iconst_2().ireturn();
            }
            case Stats.Return1 r -> {
                int t = temp();
                expr(r.e);
                cb.astore(t);
                cb.aload(fLocal).aload(t).putfield(CD_Frame, "ret1", CD_Object);
                cb.aload(fLocal).aconst_null().putfield(CD_Frame, "retN", CD_Objects);
                cb.iconst_2().ireturn();
            }
            case Stats.ReturnN r -> {
                int a = args(r.exprs, r.lastMulti);
                cb.aload(fLocal).aload(a).putfield(CD_Frame, "retN", CD_Objects);
                cb.iconst_2().ireturn();
            }
            case Stats.ReturnTail r -> returnTail(r);
            default -> opaqueStat(s);
        }
    }

    /** return f(args) / return o:m(args): the callee is left in the frame for the caller's tail loop (as ReturnTail.exec). */
    void returnTail(Stats.ReturnTail r) {
        int fv = temp(), a = temp();
        if (r.methodObj != null) {
            Calls.Method m = (Calls.Method) r.call;
            int o = temp();
            methodLookup(r.methodObj, m, "tailMethod", o, fv);
            cb.aload(selfArgs(m, o)).astore(a);
        } else {
            expr(r.fn);
            cb.astore(fv);
            cb.aload(args(r.args, r.lastMulti)).astore(a);
        }
        cb.aload(fLocal).aload(fv).aload(a);
        constant(r.call, desc(Calls.CallBase.class));
        cb.invokestatic(CD_Rt, "tail", MethodTypeDesc.of(CD_void, CD_Frame, CD_Object, CD_Objects, desc(Calls.CallBase.class)));
        cb.iconst_4().ireturn();
    }

    void ifStat(Stats.If s) {
        Label end = cb.newLabel();
        for (int i = 0; i < s.conds.length; i++) {
            Label next = cb.newLabel();
            cond(s.conds[i], next, false);
            body(s.blocks[i]);
            cb.goto_(end);
            cb.labelBinding(next);
        }
        if (s.orelse != null) body(s.orelse);
        cb.labelBinding(end);
    }

    void multiAssign(Stats.MultiAssign ma) {
        int n = ma.targets.length;
        int[] objs = new int[n], keys = new int[n];
        for (int i = 0; i < n; i++) {
            if (ma.targets[i] instanceof Stats.IndexTarget it) {
                objs[i] = temp();
                keys[i] = temp();
                if (!it.lateObj) { expr(it.obj); cb.astore(objs[i]); if (ma.pinTargets) pinTemp(objs[i]); }
                if (!it.lateKey) { expr(it.key); cb.astore(keys[i]); if (ma.pinTargets) pinTemp(keys[i]); }
            }
        }
        int[] v = values(ma.exprs, n);
        for (int i = n - 1; i >= 0; i--) {
            switch (ma.targets[i]) {
                case Stats.LocalTarget lt -> {
                    if (lt.cell) { loadSlot(lt.slot); cb.checkcast(CD_Cell).aload(v[i]).putfield(CD_Cell, "v", CD_Object); }
                    else { cb.aload(v[i]); storeSlot(lt.slot); }
                }
                case Stats.UpvalTarget ut -> cb.aload(upsLocal).loadConstant(ut.idx).aaload().aload(v[i]).putfield(CD_Cell, "v", CD_Object);
                case Stats.IndexTarget it -> {
                    if (it.lateObj) { expr(it.obj); cb.astore(objs[i]); }   // as Stats.IndexTarget.assign
                    if (it.lateKey) { expr(it.key); cb.astore(keys[i]); }
                    cb.aload(fLocal).aload(objs[i]).aload(keys[i]).aload(v[i]);
                    constant(it.site, desc(org.luahost.vm.runtime.Site.class));
                    cb.invokestatic(CD_Stats, "store", MethodTypeDesc.of(CD_void, CD_Frame, CD_Object, CD_Object, CD_Object,
                            desc(org.luahost.vm.runtime.Site.class)));
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    static boolean simpleTargets(Stats.Target[] ts) {
        for (Stats.Target t : ts) {
            if (!(t instanceof Stats.LocalTarget || t instanceof Stats.UpvalTarget || t instanceof Stats.IndexTarget)) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- loops and signals

    void loopBody(Stat body, Label end) {
        Label saved = breakTarget;
        breakTarget = end;
        body(body);
        breakTarget = saved;
    }

    void numFor(Loops.NumFor nf) {
        int s0 = temp(), l0 = temp(), st0 = temp();
        expr(nf.start); cb.astore(s0);
        expr(nf.limit); cb.astore(l0);
        if (nf.step == null) cb.lconst_1().invokestatic(CD_Long, "valueOf", MethodTypeDesc.of(CD_Long, CD_long));
        else expr(nf.step);
        cb.astore(st0);
        Label general = cb.newLabel(), end = cb.newLabel(), top = cb.newLabel();
        cb.aload(s0).instanceOf(CD_Long).ifeq(general);
        cb.aload(l0).instanceOf(CD_Long).ifeq(general);
        cb.aload(st0).instanceOf(CD_Long).ifeq(general);
        int i = cb.allocateLocal(TypeKind.LONG), lim = cb.allocateLocal(TypeKind.LONG),
                step = cb.allocateLocal(TypeKind.LONG), count = cb.allocateLocal(TypeKind.LONG);
        unboxLong(s0); cb.lstore(i);
        unboxLong(l0); cb.lstore(lim);
        unboxLong(st0); cb.lstore(step);
        cb.lload(step).lconst_0().lcmp().ifeq(general);   // the general path raises "'for' step is zero"
        cb.lload(i).lload(lim).lload(step).invokestatic(CD_Rt, "forSkip", MethodTypeDesc.of(CD_boolean, CD_long, CD_long, CD_long)).ifne(end);
        cb.lload(i).lload(lim).lload(step).invokestatic(CD_Rt, "forCount", MethodTypeDesc.of(CD_long, CD_long, CD_long, CD_long)).lstore(count);
        // the hidden registers debug.getlocal shows (see NumFor.state): limit and step once, the index each time
        cb.aload(l0);
        storeSlot(nf.state + 1);
        cb.aload(st0);
        storeSlot(nf.state + 2);
        cb.labelBinding(top);
        cb.lload(i).invokestatic(CD_Long, "valueOf", MethodTypeDesc.of(CD_Long, CD_long));
        cb.dup();
        storeSlot(nf.state);
        if (nf.cell) cb.invokestatic(CD_Rt, "cell", MethodTypeDesc.of(CD_Cell, CD_Object));
        storeSlot(nf.slot);
        loopBody(nf.body, end);
        cb.lload(count).lconst_0().lcmp().ifeq(end);
        cb.lload(count).lconst_1().lsub().lstore(count);
        cb.lload(i).lload(step).ladd().lstore(i);
        cb.goto_(top);
        cb.labelBinding(general);
        node(nf);
        cb.aload(fLocal).aload(s0).aload(l0).aload(st0)
                .invokevirtual(CD_NumFor, "run", MethodTypeDesc.of(CD_int, CD_Frame, CD_Object, CD_Object, CD_Object));
        signal();
        cb.labelBinding(end);
    }

    void unboxLong(int local) {
        cb.aload(local).checkcast(CD_Long).invokevirtual(CD_Long, "longValue", MethodTypeDesc.of(CD_long));
    }

    /** Calls the node's exec and passes on any signal but NORMAL (BREAK to the enclosing compiled loop). */
    void opaqueStat(Stat s) {
        // a generic for's body runs as a block of its own: compiled with this tree's class when there is one (Jit)
        if (nested != null && s instanceof Loops.GenFor gf && gf.body instanceof Block b && b.getClass() == Block.class) nested.accept(b);
        constant(s, CD_Stat);
        cb.aload(fLocal).invokevirtual(CD_Stat, "exec", MethodTypeDesc.of(CD_int, CD_Frame));
        signal();
    }

    /** With a signal on the stack: go on when NORMAL, break, or return it. */
    void signal() {
        int sig = cb.allocateLocal(TypeKind.INT);
        Label next = cb.newLabel();
        cb.istore(sig).iload(sig).ifeq(next);
        if (breakTarget != null) cb.iload(sig).iconst_1().if_icmpeq(breakTarget);
        cb.iload(sig).ireturn();
        cb.labelBinding(next);
    }
}
