package org.luahost.vm.interp;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.luahost.vm.LuaThread;

/**
 * The second tier: compiles a hot {@link Block} (a function body or a loop
 * body, with everything nested in it) into the {@code exec} method of a JVM
 * hidden class, so that HotSpot sees a whole loop or function as one method
 * instead of a web of megamorphic {@code eval} calls.
 *
 * <p>The compiled code keeps the interpreter's data model: locals stay in the
 * frame's slots, every node stays the {@link org.luahost.vm.runtime.Site} of
 * its errors, and hooks are called at the same points as {@link Block#exec}
 * calls them. Common nodes are compiled inline (their operations are the
 * small static methods of {@link JitRt}, which do what the node's own
 * methods do); any other node is called as it is (its {@code eval} or
 * {@code exec}), so every construct works and the two tiers cannot disagree.
 * Blocks with labels (gotos) are always called as nodes.
 *
 * <p>A block is compiled after {@link #THRESHOLD} executions (system property
 * {@code luahost.jit}: the count; 0 compiles every block on first use, which
 * the tests use to run everything compiled; a negative value turns the tier
 * off). A block whose compiled method would be too large for HotSpot to
 * compile is left to the interpreter (its loops compile on their own).
 */
final class Jit {
    private Jit() {}

    static final int THRESHOLD = Integer.getInteger("luahost.jit", 1000);
    private static final boolean DEBUG = Boolean.getBoolean("luahost.jit.debug");
    /** HotSpot does not compile methods larger than 8000 bytes of bytecode. */
    private static final int MAX_CODE = 7900;

    private static final ClassDesc CD_Frame = desc(Frame.class), CD_Stat = desc(Stat.class), CD_Expr = desc(Expr.class),
            CD_Rt = desc(JitRt.class), CD_Thread = desc(LuaThread.class), CD_Cell = desc(Cell.class),
            CD_Closure = desc(LuaClosure.class), CD_Cells = CD_Cell.arrayType(), CD_Objects = CD_Object.arrayType(),
            CD_Long = desc(Long.class), CD_Boolean = desc(Boolean.class), CD_Stats = desc(Stats.class),
            CD_NumFor = desc(Loops.NumFor.class), CD_Block = desc(Block.class), CD_Unit = ClassDesc.of(Jit.class.getPackageName() + ".JitUnit");

    private static ClassDesc desc(Class<?> c) { return ClassDesc.of(c.getName()); }

    private static final ClassFile CF = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(Jit.class.getClassLoader()))));

    /** Compiles b; null when it cannot (too large, or a failure, which is never fatal: the interpreter goes on). */
    static Stat compile(Block b) {
        if (b.labels != null) return null;
        long t0 = DEBUG ? System.nanoTime() : 0;
        try {
            Gen g = new Gen();
            byte[] bytes = CF.build(CD_Unit, clb -> {
                clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
                clb.withSuperclass(CD_Stat);
                clb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC, cb -> {
                    cb.aload(0);
                    cb.loadConstant(b.line);
                    cb.invokespecial(CD_Stat, INIT_NAME, MethodTypeDesc.of(CD_void, CD_int));
                    cb.return_();
                });
                clb.withMethodBody("exec", MethodTypeDesc.of(CD_int, CD_Frame), ClassFile.ACC_PUBLIC, cb -> g.unit(cb, b));
            });
            int size = codeSize(bytes);
            if (DEBUG) System.err.println("luahost.jit: block at line " + b.line + ": " + size + " bytes" + (size > MAX_CODE ? " (too large)" : ""));
            if (size > MAX_CODE) return null;
            MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.copyOf(g.consts), true);
            Stat unit = (Stat) l.lookupClass().getDeclaredConstructor().newInstance();
            if (DEBUG) System.err.printf("luahost.jit: compiled in %.2f ms%n", (System.nanoTime() - t0) / 1e6);
            return unit;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (DEBUG) e.printStackTrace();
            return null;
        }
    }

    private static int codeSize(byte[] bytes) {
        ClassModel cm = CF.parse(bytes);
        for (MethodModel m : cm.methods()) {
            if (m.methodName().equalsString("exec")) {
                return m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            }
        }
        return 0;
    }

    /** The code generator of one unit. */
    private static final class Gen {
        final List<Object> consts = new ArrayList<>();
        final Map<Object, Integer> constIndex = new IdentityHashMap<>();
        CodeBuilder cb;
        int fLocal = 1, slotsLocal, thLocal, upsLocal;
        /** Where a break jumps: the end of the innermost compiled loop, or null (break leaves the unit). */
        Label breakTarget;

        void unit(CodeBuilder c, Block b) {
            cb = c;
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

        // ------------------------------------------------------------ constants

        /** Loads constant object o (a node or a value) typed as type. */
        void constant(Object o, ClassDesc type) {
            Integer i = constIndex.get(o);
            if (i == null) {
                i = consts.size();
                consts.add(o);
                constIndex.put(o, i);
            }
            cb.ldc(DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, ConstantDescs.DEFAULT_NAME, type, i));
        }

        void node(Object n) { constant(n, desc(n.getClass())); }

        // ------------------------------------------------------------ statements

        void block(Block b) {
            for (Stat s : b.stats) {
                Label skip = cb.newLabel();
                cb.aload(thLocal).getfield(CD_Thread, "hookMask", CD_int).ifeq(skip);
                cb.aload(thLocal).aload(fLocal);
                constant(s, CD_Stat);
                cb.invokestatic(CD_Rt, "hookStat", MethodTypeDesc.of(CD_void, CD_Thread, CD_Frame, CD_Stat));
                cb.labelBinding(skip);
                stat(s);
            }
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
                    cb.aload(fLocal).aload(o).aload(k).aload(v);
                    node(si);
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

        /**
         * Evaluates a method call's object into temporary o and looks the method up with JitRt's
         * lookup (method, or tailMethod for return o:m(...)), leaving the function in temporary fv.
         */
        void methodLookup(Expr obj, Calls.Method m, String lookup, int o, int fv) {
            expr(obj);
            cb.astore(o);
            cb.aload(fLocal).aload(o);
            node(m);
            cb.invokestatic(CD_Rt, lookup, MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, desc(Calls.Method.class)));
            cb.astore(fv);
        }

        /** Evaluates a general method call's arguments into a fresh array with self (temporary o) first; returns its temporary. */
        int selfArgs(Calls.Method m, int o) {
            int rest = args(m.args, m.lastMulti);
            cb.aload(o).aload(rest).invokestatic(CD_Rt, "withSelf", MethodTypeDesc.of(CD_Objects, CD_Object, CD_Objects)).astore(rest);
            return rest;
        }

        /** Evaluates call arguments into a fresh array in a temporary (as Calls.evalArgs); returns the temporary. */
        int args(Expr[] args, boolean lastMulti) {
            int n = args.length;
            int head = lastMulti ? n - 1 : n;
            int[] t = new int[head];
            for (int i = 0; i < head; i++) {
                t[i] = temp();
                expr(args[i]);
                cb.astore(t[i]);
            }
            int arr = temp();
            cb.loadConstant(head).anewarray(CD_Object).astore(arr);
            for (int i = 0; i < head; i++) cb.aload(arr).loadConstant(i).aload(t[i]).aastore();
            if (lastMulti) {
                constant(args[n - 1], CD_Expr);
                cb.aload(fLocal).invokevirtual(CD_Expr, "evalMulti", MethodTypeDesc.of(CD_Objects, CD_Frame));
                int tail = temp();
                cb.astore(tail);
                cb.aload(arr).aload(tail).invokestatic(CD_Rt, "join", MethodTypeDesc.of(CD_Objects, CD_Objects, CD_Objects)).astore(arr);
            }
            return arr;
        }

        void loopBody(Stat body, Label end) {
            Label saved = breakTarget;
            breakTarget = end;
            body(body);
            breakTarget = saved;
        }

        /** Calls the node's exec and passes on any signal but NORMAL (BREAK to the enclosing compiled loop). */
        void opaqueStat(Stat s) {
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
            cb.labelBinding(top);
            cb.lload(i).invokestatic(CD_Long, "valueOf", MethodTypeDesc.of(CD_Long, CD_long));
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

        /** Whether adjusting es to n values needs more than the first value of a multi-valued last expression. */
        static boolean needsMulti(Expr[] es, int n) {
            return es.length > 0 && es[es.length - 1].isMulti() && es.length < n;
        }

        static boolean simpleTargets(Stats.Target[] ts) {
            for (Stats.Target t : ts) {
                if (!(t instanceof Stats.LocalTarget || t instanceof Stats.UpvalTarget || t instanceof Stats.IndexTarget)) return false;
            }
            return true;
        }

        /** Evaluates exprs adjusted to n values into fresh temporaries (as Stats.values). */
        int[] values(Expr[] exprs, int n) {
            int[] t = new int[n];
            for (int i = 0; i < n; i++) t[i] = temp();
            boolean multi = needsMulti(exprs, n);
            int m = multi ? exprs.length - 1 : exprs.length;
            for (int i = 0; i < m; i++) {
                expr(exprs[i]);
                if (i < n) cb.astore(t[i]); else cb.pop();
            }
            if (multi) {
                // the last expression's values fill the remaining temporaries (nil when it gives fewer)
                int arr = temp();
                constant(exprs[m], CD_Expr);
                cb.aload(fLocal).invokevirtual(CD_Expr, "evalMulti", MethodTypeDesc.of(CD_Objects, CD_Frame)).astore(arr);
                for (int i = m; i < n; i++) {
                    cb.aload(arr).loadConstant(i - m)
                            .invokestatic(CD_Rt, "nth", MethodTypeDesc.of(CD_Object, CD_Objects, CD_int)).astore(t[i]);
                }
            } else {
                for (int i = exprs.length; i < n; i++) cb.aconst_null().astore(t[i]);
            }
            return t;
        }

        void multiAssign(Stats.MultiAssign ma) {
            int n = ma.targets.length;
            int[] objs = new int[n], keys = new int[n];
            for (int i = 0; i < n; i++) {
                if (ma.targets[i] instanceof Stats.IndexTarget it) {
                    objs[i] = temp();
                    keys[i] = temp();
                    if (!it.lateObj) { expr(it.obj); cb.astore(objs[i]); }
                    if (!it.lateKey) { expr(it.key); cb.astore(keys[i]); }
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

        int temp() { return cb.allocateLocal(TypeKind.REFERENCE); }

        void loadSlot(int slot) { cb.aload(slotsLocal).loadConstant(slot).aaload(); }

        /** Stores the value on the stack into a slot. */
        void storeSlot(int slot) { cb.aload(slotsLocal).swap().loadConstant(slot).swap().aastore(); }

        // ------------------------------------------------------------ conditions

        /** Jumps to target when the truth of e is jumpIf; falls through otherwise. */
        void cond(Expr e, Label target, boolean jumpIf) {
            switch (e) {
                case Exprs.Const c -> {
                    boolean t = c.value != null && c.value != Boolean.FALSE;
                    if (t == jumpIf) cb.goto_(target);
                }
                case Exprs.Not n -> cond(n.a, target, !jumpIf);
                case Exprs.And a -> {
                    if (jumpIf) {
                        Label skip = cb.newLabel();
                        cond(a.a, skip, false);
                        cond(a.b, target, true);
                        cb.labelBinding(skip);
                    } else {
                        cond(a.a, target, false);
                        cond(a.b, target, false);
                    }
                }
                case Exprs.Or o -> {
                    if (jumpIf) {
                        cond(o.a, target, true);
                        cond(o.b, target, true);
                    } else {
                        Label skip = cb.newLabel();
                        cond(o.a, skip, true);
                        cond(o.b, target, false);
                        cb.labelBinding(skip);
                    }
                }
                case Arith.Cmp c -> {
                    compare(c);
                    if (jumpIf) cb.ifne(target); else cb.ifeq(target);
                }
                default -> {
                    expr(e);
                    cb.invokestatic(CD_Rt, "truthy", MethodTypeDesc.of(CD_boolean, CD_Object));
                    if (jumpIf) cb.ifne(target); else cb.ifeq(target);
                }
            }
        }

        /** Leaves the boolean result of a comparison on the stack. */
        void compare(Arith.Cmp c) {
            String m = switch (c) {
                case Arith.Eq e -> "eq";
                case Arith.Lt l -> "lt";
                case Arith.Le l -> "le";
                case Arith.Gt g -> "gt";
                case Arith.Ge g -> "ge";
                default -> null;
            };
            int x = temp();
            expr(c.a);
            cb.astore(x);
            expr(c.b);
            int y = temp();
            cb.astore(y);
            cb.aload(x).aload(y).aload(fLocal);
            if (m.equals("eq")) {
                node(c);
                cb.invokestatic(CD_Rt, m, MethodTypeDesc.of(CD_boolean, CD_Object, CD_Object, CD_Frame, desc(Arith.Eq.class)));
            } else {
                constant(c, desc(Arith.Cmp.class));
                cb.invokestatic(CD_Rt, m, MethodTypeDesc.of(CD_boolean, CD_Object, CD_Object, CD_Frame, desc(Arith.Cmp.class)));
            }
        }

        // ------------------------------------------------------------ expressions

        /** Leaves the (first) value of e on the stack. */
        void expr(Expr e) {
            switch (e) {
                case Exprs.Const c -> {
                    if (c.value == null) cb.aconst_null();
                    else if (c.value == Boolean.TRUE) cb.getstatic(CD_Boolean, "TRUE", CD_Boolean);
                    else if (c.value == Boolean.FALSE) cb.getstatic(CD_Boolean, "FALSE", CD_Boolean);
                    else constant(c.value, CD_Object);
                }
                case Exprs.Local l -> loadSlot(l.slot);
                case Exprs.CellLocal l -> { loadSlot(l.slot); cb.checkcast(CD_Cell).getfield(CD_Cell, "v", CD_Object); }
                case Exprs.Upval u -> cb.aload(upsLocal).loadConstant(u.idx).aaload().getfield(CD_Cell, "v", CD_Object);
                case Exprs.Global g -> {
                    int t = temp();
                    expr(g.env);
                    cb.astore(t);
                    cb.aload(fLocal).aload(t);
                    node(g);
                    cb.invokestatic(CD_Rt, "global", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, desc(Exprs.Global.class)));
                }
                case Exprs.Field fl -> {
                    int t = temp();
                    expr(fl.obj);
                    cb.astore(t);
                    cb.aload(fLocal).aload(t);
                    node(fl);
                    cb.invokestatic(CD_Rt, "field", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, desc(Exprs.Field.class)));
                }
                case Exprs.Index ix -> {
                    int o = temp(), k = temp();
                    expr(ix.obj); cb.astore(o);
                    expr(ix.key); cb.astore(k);
                    cb.aload(fLocal).aload(o).aload(k);
                    node(ix);
                    cb.invokestatic(CD_Rt, "index", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, CD_Object, desc(Exprs.Index.class)));
                }
                case Exprs.Paren p when !p.e.isMulti() -> expr(p.e);
                case Exprs.And a -> {
                    Label end = cb.newLabel();
                    int t = temp();
                    expr(a.a);
                    cb.astore(t);
                    cb.aload(t).invokestatic(CD_Rt, "truthy", MethodTypeDesc.of(CD_boolean, CD_Object));
                    Label second = cb.newLabel();
                    cb.ifne(second);
                    cb.aload(t).goto_(end);
                    cb.labelBinding(second);
                    expr(a.b);
                    cb.astore(t);
                    cb.aload(t);
                    cb.labelBinding(end);
                }
                case Exprs.Or o -> {
                    Label end = cb.newLabel();
                    int t = temp();
                    expr(o.a);
                    cb.astore(t);
                    cb.aload(t).invokestatic(CD_Rt, "truthy", MethodTypeDesc.of(CD_boolean, CD_Object));
                    Label second = cb.newLabel();
                    cb.ifeq(second);
                    cb.aload(t).goto_(end);
                    cb.labelBinding(second);
                    expr(o.b);
                    cb.astore(t);
                    cb.aload(t);
                    cb.labelBinding(end);
                }
                case Exprs.Not n -> {
                    Label f = cb.newLabel(), end = cb.newLabel();
                    cond(n.a, f, true);
                    cb.getstatic(CD_Boolean, "TRUE", CD_Boolean).goto_(end);
                    cb.labelBinding(f);
                    cb.getstatic(CD_Boolean, "FALSE", CD_Boolean);
                    cb.labelBinding(end);
                    // both branches leave a Boolean; widen for the verifier's sake
                    cb.checkcast(CD_Object);
                }
                case Arith.Cmp c -> {
                    compare(c);
                    cb.invokestatic(CD_Rt, "bool", MethodTypeDesc.of(CD_Object, CD_boolean));
                }
                case Arith.Bitwise bw -> binary(bw, "bitwise");
                case Arith.Add a -> binary(a, "add");
                case Arith.Sub a -> binary(a, "sub");
                case Arith.Mul a -> binary(a, "mul");
                case Arith.Div a -> binary(a, "div");
                case Arith.Mod a -> binary(a, "mod");
                case Arith.IDiv a -> binary(a, "idiv");
                case Arith.Pow a -> binary(a, "pow");
                case Arith.Neg n -> {
                    expr(n.a);
                    cb.aload(fLocal);
                    node(n);
                    cb.invokestatic(CD_Rt, "neg", MethodTypeDesc.of(CD_Object, CD_Object, CD_Frame, desc(Arith.Neg.class)));
                }
                case Exprs.Len n -> {
                    int t = temp();
                    expr(n.a);
                    cb.astore(t);
                    cb.aload(fLocal).aload(t);
                    node(n);
                    cb.invokestatic(CD_Rt, "len", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, desc(Exprs.Len.class)));
                }
                case Exprs.Table t when t.items.length < 50 -> table(t);
                case Calls.Call0 c -> call(c, c.fn);
                case Calls.Call1 c -> call(c, c.fn, c.a0);
                case Calls.Call2 c -> call(c, c.fn, c.a0, c.a1);
                case Calls.Call3 c -> call(c, c.fn, c.a0, c.a1, c.a2);
                case Calls.Method m when !m.lastMulti && m.args.length <= 2 -> method(m);
                case Calls.Method m -> {
                    int o = temp(), fv = temp();
                    methodLookup(m.obj, m, "method", o, fv);
                    int a = selfArgs(m, o);
                    cb.aload(fLocal).aload(fv).aload(a);
                    constant(m, desc(Calls.CallBase.class));
                    cb.invokestatic(CD_Rt, "callN", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, CD_Objects, desc(Calls.CallBase.class)));
                }
                case Calls.CallN c -> {
                    int fv = temp();
                    expr(c.fn);
                    cb.astore(fv);
                    int a = args(c.args, c.lastMulti);
                    cb.aload(fLocal).aload(fv).aload(a);
                    constant(c, desc(Calls.CallBase.class));
                    cb.invokestatic(CD_Rt, "callN", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, CD_Objects, desc(Calls.CallBase.class)));
                }
                default -> {
                    constant(e, CD_Expr);
                    cb.aload(fLocal).invokevirtual(CD_Expr, "eval", MethodTypeDesc.of(CD_Object, CD_Frame));
                }
            }
        }

        void binary(Arith.Bin b, String helper) {
            int x = temp();
            expr(b.a);
            cb.astore(x);
            expr(b.b);
            int y = temp();
            cb.astore(y);
            cb.aload(x).aload(y).aload(fLocal);
            constant(b, desc(Arith.Bin.class));
            cb.invokestatic(CD_Rt, helper, MethodTypeDesc.of(CD_Object, CD_Object, CD_Object, CD_Frame, desc(Arith.Bin.class)));
        }

        /**
         * A table constructor with fewer than 50 positional items (less than one batch of the reference's
         * SETLIST; larger ones stay nodes), as Exprs.Table.eval: keyed fields are stored as
         * they come, positional items when all are evaluated.
         */
        void table(Exprs.Table t) {
            ClassDesc cdTable = desc(org.luahost.vm.LuaTable.class);
            int npos = t.items.length;
            int tt = temp();
            cb.new_(cdTable).dup().loadConstant(t.lastMulti ? npos - 1 : npos).loadConstant(t.keys.length)
                    .invokespecial(cdTable, INIT_NAME, MethodTypeDesc.of(CD_void, CD_int, CD_int)).astore(tt);
            int[] pending = new int[npos];
            int multi = -1;
            for (int o : t.order) {
                if (o < 0) {
                    int k = temp(), v = temp();
                    expr(t.keys[~o]);
                    cb.astore(k);
                    expr(t.vals[~o]);
                    cb.astore(v);
                    cb.aload(fLocal).aload(tt).aload(k).aload(v);
                    node(t);
                    cb.invokestatic(CD_Rt, "setKeyed", MethodTypeDesc.of(CD_void, CD_Frame, cdTable, CD_Object, CD_Object, desc(Exprs.Table.class)));
                } else if (o == npos - 1 && t.lastMulti) {
                    multi = temp();
                    constant(t.items[o], CD_Expr);
                    cb.aload(fLocal).invokevirtual(CD_Expr, "evalMulti", MethodTypeDesc.of(CD_Objects, CD_Frame)).astore(multi);
                } else {
                    pending[o] = temp();
                    expr(t.items[o]);
                    cb.astore(pending[o]);
                }
            }
            int n = t.lastMulti ? npos - 1 : npos;
            if (multi >= 0) {
                cb.aload(tt).loadConstant(n).aload(multi)
                        .invokestatic(CD_Rt, "tableReserve", MethodTypeDesc.of(CD_void, cdTable, CD_int, CD_Objects));
            }
            for (int j = 0; j < n; j++) {
                cb.aload(tt).loadConstant((long) (j + 1)).aload(pending[j])
                        .invokevirtual(cdTable, "rawset", MethodTypeDesc.of(CD_void, CD_long, CD_Object));
            }
            if (multi >= 0) {
                cb.aload(tt).loadConstant(n).aload(multi)
                        .invokestatic(CD_Rt, "tableRest", MethodTypeDesc.of(CD_void, cdTable, CD_int, CD_Objects));
            }
            cb.aload(tt);
        }

        void call(Calls.CallBase c, Expr fn, Expr... args) {
            int n = args.length;
            int fv = temp();
            expr(fn);
            cb.astore(fv);
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = temp();
                expr(args[i]);
                cb.astore(a[i]);
            }
            cb.aload(fLocal).aload(fv);
            for (int i = 0; i < n; i++) cb.aload(a[i]);
            constant(c, desc(Calls.CallBase.class));
            ClassDesc[] params = new ClassDesc[n + 3];
            params[0] = CD_Frame;
            for (int i = 1; i <= n + 1; i++) params[i] = CD_Object;
            params[n + 2] = desc(Calls.CallBase.class);
            cb.invokestatic(CD_Rt, "call" + n, MethodTypeDesc.of(CD_Object, params));
        }

        void method(Calls.Method m) {
            int o = temp(), fv = temp();
            methodLookup(m.obj, m, "method", o, fv);
            int n = m.args.length;
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = temp();
                expr(m.args[i]);
                cb.astore(a[i]);
            }
            cb.aload(fLocal).aload(fv).aload(o);
            for (int i = 0; i < n; i++) cb.aload(a[i]);
            constant(m, desc(Calls.CallBase.class));
            ClassDesc[] params = new ClassDesc[n + 4];
            params[0] = CD_Frame;
            for (int i = 1; i <= n + 2; i++) params[i] = CD_Object;
            params[n + 3] = desc(Calls.CallBase.class);
            cb.invokestatic(CD_Rt, "call" + (n + 1), MethodTypeDesc.of(CD_Object, params));
        }
    }
}
