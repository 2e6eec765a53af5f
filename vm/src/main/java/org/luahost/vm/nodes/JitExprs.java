package org.luahost.vm.nodes;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.luahost.vm.FieldCache;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;

/**
 * The expression half of the second tier's code generator ({@link Jit}):
 * emits the bytecode that leaves an expression's value on the operand stack
 * ({@link #expr}), jumps on a condition without boxing a Boolean
 * ({@link #cond}), and evaluates calls and value lists into temporaries.
 * Common nodes become inline code calling the small static methods of
 * {@link JitRt}; any other expression is its node's {@code eval}, loaded as a
 * class-data constant ({@link #constant}).
 *
 * <p>One generator emits one unit ({@link JitStats} adds the statements); it
 * is used once, by the thread that compiles the block.
 */
abstract class JitExprs {
    static final ClassDesc CD_Frame = desc(Frame.class), CD_Stat = desc(Stat.class), CD_Expr = desc(Expr.class),
            CD_Rt = desc(JitRt.class), CD_Thread = desc(LuaThread.class), CD_Pins = desc(Pins.class), CD_Cell = desc(Cell.class),
            CD_Closure = desc(LuaClosure.class), CD_Cells = CD_Cell.arrayType(), CD_Objects = CD_Object.arrayType(),
            CD_Long = desc(Long.class), CD_Boolean = desc(Boolean.class), CD_Stats = desc(Stats.class),
            CD_NumFor = desc(Loops.NumFor.class), CD_FieldCache = desc(FieldCache.class), CD_String = ConstantDescs.CD_String, CD_Block = desc(Block.class), CD_Unit = ClassDesc.of(Jit.class.getPackageName() + ".JitUnit");

    static ClassDesc desc(Class<?> c) { return ClassDesc.of(c.getName()); }

    final List<Object> consts = new ArrayList<>();
    final Map<Object, Integer> constIndex = new IdentityHashMap<>();
    CodeBuilder cb;
    /** Told the body of each function whose closure the code creates, when compiling a tree ({@link Jit}); else null. */
    java.util.function.Consumer<Block> nested;
    /** Locals of the exec method: the frame (its parameter), the frame's slots, its thread, the closure's upvalues. */
    int fLocal = 1, slotsLocal, thLocal, upsLocal;

    // ---------------------------------------------------------------- constants and slots

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

    int temp() { return cb.allocateLocal(TypeKind.REFERENCE); }

    // ---------------------------------------------------------------- per-site field caches

    /**
     * The fast path of a read by constant string key from the table in temporary o: the
     * key and the slot where the site's cache last found it are constants of this code
     * ({@link FieldCache#at}), and the branch on the answer is this site's own, so its
     * profile is not shared with other sites. A hit jumps to the returned label with the
     * value on the stack; otherwise the stack is empty and the caller emits the full path
     * (which leaves the value) and binds the label after it.
     */
    Label cachedRead(int o, FieldCache c) {
        Label done = cb.newLabel();
        cb.aload(o);
        constant(c.key, CD_String);
        cb.loadConstant(c.slotHint());
        cb.invokestatic(CD_FieldCache, "at", MethodTypeDesc.of(CD_Object, CD_Object, CD_String, CD_int));
        cb.dup().ifnonnull(done);
        cb.pop();
        return done;
    }

    /**
     * The fast path of a store by constant string key ({@link FieldCache#setAt}) of the
     * value in temporary v to the table in temporary o: jumps to the returned label when
     * it stored; otherwise the caller emits the full store and binds the label after it.
     */
    Label cachedStore(int o, int v, FieldCache c) {
        Label done = cb.newLabel();
        cb.aload(o);
        constant(c.key, CD_String);
        cb.loadConstant(c.slotHint());
        cb.aload(v);
        cb.invokestatic(CD_FieldCache, "setAt", MethodTypeDesc.of(CD_boolean, CD_Object, CD_String, CD_int, CD_Object));
        cb.ifne(done);
        return done;
    }

    void loadSlot(int slot) { cb.aload(slotsLocal).loadConstant(slot).aaload(); }

    /** Stores the value on the stack into a slot. */
    void storeSlot(int slot) { cb.aload(slotsLocal).swap().loadConstant(slot).swap().aastore(); }

    // ---------------------------------------------------------------- conditions

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

    // ---------------------------------------------------------------- expressions

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
                Label done = cachedRead(t, g.cache);
                cb.aload(fLocal).aload(t);
                node(g);
                cb.invokestatic(CD_Rt, "global", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, desc(Exprs.Global.class)));
                cb.labelBinding(done);
            }
            case Exprs.Field fl -> {
                int t = temp();
                expr(fl.obj);
                cb.astore(t);
                Label done = cachedRead(t, fl.cache);
                cb.aload(fLocal).aload(t);
                node(fl);
                cb.invokestatic(CD_Rt, "field", MethodTypeDesc.of(CD_Object, CD_Frame, CD_Object, desc(Exprs.Field.class)));
                cb.labelBinding(done);
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
            case Pins.Pin p -> { expr(p.e); pinTop(); }
            case Exprs.Temp t -> { expr(t.e); cb.dup(); storeSlot(t.slot); }
            case HookMark m when !m.e.isMulti() -> {
                if (!m.after) hookMark(m);
                expr(m.e);
                if (m.after) hookMark(m);
            }
            case Pins.Scope s when !s.e.isMulti() || s.e instanceof Calls.CallBase -> {
                int mark = pinMark();
                expr(s.e);
                unpin(mark);
            }
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
            case Arith.Reload r -> expr(r.bin);   // binary() reads a Temp left operand back after the right one
            case Arith.Bitwise bw -> binary(bw, "bitwise");
            case Arith.Add a -> binary(a, "add");
            case Arith.Sub a -> binary(a, "sub");
            case Arith.SubZero a -> binary(a, "subZero");
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
                if (nested != null && e instanceof Exprs.Function fn) nested.accept(fn.proto.body);
                constant(e, CD_Expr);
                cb.aload(fLocal).invokevirtual(CD_Expr, "eval", MethodTypeDesc.of(CD_Object, CD_Frame));
            }
        }
    }

    /** A line hook's mark: HookMark.mark when the thread has a hook. */
    private void hookMark(HookMark m) {
        Label skip = cb.newLabel();
        cb.aload(thLocal).getfield(CD_Thread, "hookMask", CD_int).ifeq(skip);
        cb.aload(fLocal);
        constant(m, desc(HookMark.class));
        cb.invokestatic(desc(HookMark.class), "mark", MethodTypeDesc.of(CD_void, CD_Frame, desc(HookMark.class)));
        cb.labelBinding(skip);
    }

    // ---------------------------------------------------------------- pins (see Pins)

    // Every pin operation is guarded by Pins.active() (false until a state of the JVM pins; see Pins).

    /** Emits Pins.active() and a jump to skip when it is false. */
    private void ifPinsActive(Label skip) {
        cb.invokestatic(CD_Pins, "active", MethodTypeDesc.of(CD_boolean)).ifeq(skip);
    }

    /** Pins the value on top of the stack, leaving it there. */
    void pinTop() {
        Label skip = cb.newLabel();
        ifPinsActive(skip);
        cb.aload(thLocal).swap().invokevirtual(CD_Thread, "pin", MethodTypeDesc.of(CD_Object, CD_Object));
        cb.labelBinding(skip);
    }

    /** Pins the value of temporary t. */
    void pinTemp(int t) {
        Label skip = cb.newLabel();
        ifPinsActive(skip);
        cb.aload(thLocal).aload(t).invokevirtual(CD_Thread, "pin", MethodTypeDesc.of(CD_Object, CD_Object)).pop();
        cb.labelBinding(skip);
    }

    /** Stores the thread's pin mark in a new int local (-1 while pins are not active); returns it. */
    int pinMark() {
        int mark = cb.allocateLocal(TypeKind.INT);
        Label skip = cb.newLabel(), done = cb.newLabel();
        ifPinsActive(skip);
        cb.aload(thLocal).invokevirtual(CD_Thread, "pinMark", MethodTypeDesc.of(CD_int)).istore(mark).goto_(done);
        cb.labelBinding(skip);
        cb.iconst_m1().istore(mark);
        cb.labelBinding(done);
        return mark;
    }

    /** Drops the pins pushed since the mark in local mark (nothing when it is -1). */
    void unpin(int mark) {
        Label skip = cb.newLabel();
        cb.iload(mark).iflt(skip);
        cb.aload(thLocal).iload(mark).invokevirtual(CD_Thread, "unpin", MethodTypeDesc.of(CD_void, CD_int));
        cb.labelBinding(skip);
    }

    void binary(Arith.Bin b, String helper) {
        int x = temp();
        expr(b.a);
        cb.astore(x);
        expr(b.b);
        int y = temp();
        cb.astore(y);
        // a pending temporary: debug.setlocal may have changed it while the right operand called (Arith.Reload)
        if (b.a instanceof Exprs.Temp t) { loadSlot(t.slot); cb.astore(x); }
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
        cb.aload(fLocal).loadConstant(t.lastMulti ? npos - 1 : npos).loadConstant(t.keys.length)
                .invokestatic(CD_Rt, "newTable", MethodTypeDesc.of(cdTable, CD_Frame, CD_int, CD_int)).astore(tt);
        if (t.pinSelf) pinTemp(tt);
        if (t.pinSelf && t.tempSelf >= 0) { cb.aload(tt); storeSlot(t.tempSelf); }
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
                multi(t.items[o]);
                cb.astore(multi);
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

    // ---------------------------------------------------------------- calls and value lists

    void call(Calls.CallBase c, Expr fn, Expr... args) { fixedCall("call", CD_Object, c, fn, args); }

    /** A call with up to 3 arguments whose results are kept whole (as the CallK nodes' evalMulti). */
    void invoke(Calls.CallBase c, Expr fn, Expr... args) { fixedCall("invoke", CD_Objects, c, fn, args); }

    /** Evaluates fn and up to 3 arguments into temporaries and calls JitRt's helper (call or invoke) of that arity. */
    private void fixedCall(String helper, ClassDesc result, Calls.CallBase c, Expr fn, Expr[] args) {
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
        cb.invokestatic(CD_Rt, helper + n, MethodTypeDesc.of(result, params));
    }

    /**
     * Leaves all values of a multi-valued expression (an Object[], as its node's evalMulti) on the
     * stack. A call (also in its pin scope) is compiled inline as {@link #call} compiles it, its
     * results kept whole; anything else (`...`, a call inside a hook mark) runs as its node.
     */
    void multi(Expr e) {
        switch (e) {
            case Calls.Call0 c -> invoke(c, c.fn);
            case Calls.Call1 c -> invoke(c, c.fn, c.a0);
            case Calls.Call2 c -> invoke(c, c.fn, c.a0, c.a1);
            case Calls.Call3 c -> invoke(c, c.fn, c.a0, c.a1, c.a2);
            case Calls.CallN c -> {
                int fv = temp();
                expr(c.fn);
                cb.astore(fv);
                int a = args(c.args, c.lastMulti);
                cb.aload(fLocal).aload(fv).aload(a);
                constant(c, desc(Calls.CallBase.class));
                cb.invokestatic(CD_Rt, "invokeN", MethodTypeDesc.of(CD_Objects, CD_Frame, CD_Object, CD_Objects, desc(Calls.CallBase.class)));
            }
            case Calls.Method m -> {
                int o = temp(), fv = temp();
                methodLookup(m.obj, m, "method", o, fv);
                int a = selfArgs(m, o);
                cb.aload(fLocal).aload(fv).aload(a);
                constant(m, desc(Calls.CallBase.class));
                cb.invokestatic(CD_Rt, "invokeN", MethodTypeDesc.of(CD_Objects, CD_Frame, CD_Object, CD_Objects, desc(Calls.CallBase.class)));
            }
            case Pins.Scope s when s.e instanceof Calls.CallBase -> {
                int mark = pinMark();
                multi(s.e);
                unpin(mark);
            }
            default -> {
                constant(e, CD_Expr);
                cb.aload(fLocal).invokevirtual(CD_Expr, "evalMulti", MethodTypeDesc.of(CD_Objects, CD_Frame));
            }
        }
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
        if (m.pinFn) pinTemp(fv);
        if (m.pinFn && m.tempBase >= 0) {
            cb.aload(fv);
            storeSlot(m.tempBase);
            cb.aload(o);
            storeSlot(m.tempBase + 1);
        }
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
            multi(args[n - 1]);
            int tail = temp();
            cb.astore(tail);
            cb.aload(arr).aload(tail).invokestatic(CD_Rt, "join", MethodTypeDesc.of(CD_Objects, CD_Objects, CD_Objects)).astore(arr);
        }
        return arr;
    }

    /** Whether adjusting es to n values needs more than the first value of a multi-valued last expression. */
    static boolean needsMulti(Expr[] es, int n) {
        return es.length > 0 && es[es.length - 1].isMulti() && es.length < n;
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
            multi(exprs[m]);
            cb.astore(arr);
            for (int i = m; i < n; i++) {
                cb.aload(arr).loadConstant(i - m)
                        .invokestatic(CD_Rt, "nth", MethodTypeDesc.of(CD_Object, CD_Objects, CD_int)).astore(t[i]);
            }
        } else {
            for (int i = exprs.length; i < n; i++) cb.aconst_null().astore(t[i]);
        }
        return t;
    }
}
