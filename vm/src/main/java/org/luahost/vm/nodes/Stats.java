package org.luahost.vm.nodes;

import org.luahost.vm.FieldCache;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Ops;

/** Statements: assignments, control flow, returns. */
public final class Stats {
    private Stats() {}

    public static final class ExprStat extends Stat {
        final Expr e;

        public ExprStat(int line, Expr e) { super(line); this.e = e; }

        @Override public int exec(Frame f) { e.eval(f); return NORMAL; }
    }

    public static final class SetLocal extends Stat {
        final int slot;
        final Expr e;

        public SetLocal(int line, int slot, Expr e) { super(line); this.slot = slot; this.e = e; }

        @Override public int exec(Frame f) { f.slots[slot] = e.eval(f); return NORMAL; }
    }

    /** Declares a captured local: a fresh cell each time the declaration runs. */
    public static final class NewCell extends Stat {
        final int slot;
        final Expr e;   // may be null (nil)

        public NewCell(int line, int slot, Expr e) { super(line); this.slot = slot; this.e = e; }

        @Override public int exec(Frame f) { f.slots[slot] = new Cell(e == null ? null : e.eval(f)); return NORMAL; }
    }

    public static final class SetCell extends Stat {
        final int slot;
        final Expr e;

        public SetCell(int line, int slot, Expr e) { super(line); this.slot = slot; this.e = e; }

        @Override public int exec(Frame f) { ((Cell) f.slots[slot]).v = e.eval(f); return NORMAL; }
    }

    public static final class SetUpval extends Stat {
        final int idx;
        final Expr e;

        public SetUpval(int line, int idx, Expr e) { super(line); this.idx = idx; this.e = e; }

        @Override public int exec(Frame f) { f.closure.upvals[idx].v = e.eval(f); return NORMAL; }
    }

    /** t[k] = v (also globals, as _ENV[name] = v). */
    public static final class SetIndex extends Stat {
        final Expr obj, key, val;
        final String objInfo;
        /** Whether obj/key are read after the value is evaluated (see {@link Stats#lateObj}). */
        final boolean lateObj, lateKey;
        /** Where the store's errors are reported: this node, or a {@link StoreSite} on another line. */
        final Node site;

        public SetIndex(int line, Expr obj, Expr key, Expr val) { this(line, line, obj, key, val); }

        /** siteLine: the line of the store's errors when it differs from the statement's line. */
        public SetIndex(int line, int siteLine, Expr obj, Expr key, Expr val) {
            super(line);
            this.obj = obj; this.key = key; this.val = val;
            this.objInfo = Calls.info(obj.describe());
            this.lateObj = lateObj(obj, key);
            this.lateKey = lateKey(key);
            this.site = siteLine == line ? this : new StoreSite(siteLine, this);
            this.cache = key instanceof Exprs.Const c && c.value instanceof String s ? new FieldCache(s) : null;
        }

        /** The inline cache of a store by a constant string key (obj.name = v), else null. */
        final FieldCache cache;

        @Override
        public int exec(Frame f) {
            Object o = lateObj ? null : obj.eval(f);
            Object k = lateKey ? null : key.eval(f);
            Object v = val.eval(f);
            if (lateObj) o = obj.eval(f);
            if (lateKey) k = key.eval(f);
            if (cache != null) storeField(f, o, v, this);
            else store(f, o, k, v, site);
            return NORMAL;
        }

        @Override public String varInfo(int i) { return objInfo; }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "newindex"; }
    }

    /**
     * The error site of a {@link SetIndex} reported on another line than its statement:
     * {@code function a.b.c() ... end} stores on the 'function' line, after the closure
     * is made on the 'end' line, as the reference does.
     */
    public static final class StoreSite extends Node {
        final SetIndex of;

        StoreSite(int line, SetIndex of) { super(line); this.of = of; }

        @Override public String varInfo(int i) { return of.objInfo; }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "newindex"; }
    }

    /**
     * obj.name = v through the store's cache: an existing field is overwritten in
     * place whatever the metatable ({@code __newindex} concerns absent keys only).
     */
    static void storeField(Frame f, Object o, Object v, SetIndex s) {
        if (o instanceof LuaTable t && s.cache.setExisting(t, v)) return;
        store(f, o, s.cache.key, v, s.site);
    }

    static void store(Frame f, Object o, Object k, Object v, org.luahost.vm.runtime.Site site) {
        if (o instanceof LuaTable t && t.getMetatable() == null) {
            if (k instanceof Long l) { t.rawset(l.longValue(), v); return; }
            if (k instanceof String s) { t.rawset(s, v); return; }
            Ops.rawsetChecked(f.thread, t, k, v, site);
            return;
        }
        f.site = site;
        Ops.setindex(f.thread, o, k, v, site);
    }

    /** Targets of a multiple assignment, evaluated before the values, assigned right to left. */
    /**
     * Whether the table of {@code obj[key] = v} is read after v is evaluated,
     * as the reference reads it: a local variable is used in place (its
     * register), and so is an upvalue indexed by a constant string
     * (SETTABUP); any other table is evaluated into a temporary first. So
     * when evaluating v reassigns that local or upvalue (a call), the store
     * goes to the new table. In a multiple assignment a variable also
     * assigned by a later target is copied first (lparser's check_conflict),
     * which {@link IndexTarget#resolveConflicts} decides.
     */
    public static boolean lateObj(Expr obj, Expr key) {
        return obj instanceof Exprs.Local || obj instanceof Exprs.CellLocal
                || (obj instanceof Exprs.Upval && key instanceof Exprs.Const c && c.value instanceof String str && str.length() <= 40);
    }

    /** Whether the key of {@code obj[key] = v} is read after v is evaluated: a local variable (see {@link #lateObj}). */
    public static boolean lateKey(Expr key) {
        return key instanceof Exprs.Local || key instanceof Exprs.CellLocal;
    }

    public abstract static class Target {
        abstract void prepare(Frame f, Object[] tmp, int i);
        abstract void assign(Frame f, Object[] tmp, int i, Object v);
    }

    public static final class LocalTarget extends Target {
        final int slot;
        final boolean cell;

        public LocalTarget(int slot, boolean cell) { this.slot = slot; this.cell = cell; }

        @Override void prepare(Frame f, Object[] tmp, int i) {}

        @Override
        void assign(Frame f, Object[] tmp, int i, Object v) {
            if (cell) ((Cell) f.slots[slot]).v = v; else f.slots[slot] = v;
        }
    }

    public static final class UpvalTarget extends Target {
        final int idx;

        public UpvalTarget(int idx) { this.idx = idx; }

        @Override void prepare(Frame f, Object[] tmp, int i) {}
        @Override void assign(Frame f, Object[] tmp, int i, Object v) { f.closure.upvals[idx].v = v; }
    }

    public static final class IndexTarget extends Target {
        final Expr obj, key;
        final Node site;
        /** Whether obj/key are read at the store (see {@link #lateObj}); Compiler clears them on a conflict. */
        boolean lateObj, lateKey;

        public IndexTarget(Expr obj, Expr key, int line) {
            this.obj = obj; this.key = key;
            this.lateObj = lateObj(obj, key);
            this.lateKey = lateKey(key);
            String info = Calls.info(obj.describe());
            this.site = new Node(line) {
                @Override public String varInfo(int i) { return info; }
                @Override public String calleeNameWhat() { return "metamethod"; }
                @Override public String calleeName() { return "newindex"; }
            };
        }

        @Override
        void prepare(Frame f, Object[] tmp, int i) {
            if (!lateObj) tmp[2 * i] = obj.eval(f);
            if (!lateKey) tmp[2 * i + 1] = key.eval(f);
        }

        @Override
        void assign(Frame f, Object[] tmp, int i, Object v) {
            store(f, lateObj ? obj.eval(f) : tmp[2 * i], lateKey ? key.eval(f) : tmp[2 * i + 1], v, site);
        }

        /**
         * lparser's check_conflict for a multiple assignment: a table or key
         * variable that a later target assigns is read before the assignment.
         */
        public static void resolveConflicts(Target[] targets) {
            for (int i = 0; i < targets.length; i++) {
                if (!(targets[i] instanceof IndexTarget it)) continue;
                for (int j = i + 1; j < targets.length; j++) {
                    if (sameVariable(it.obj, targets[j])) it.lateObj = false;
                    if (sameVariable(it.key, targets[j])) it.lateKey = false;
                }
            }
        }

        /** Whether target is the variable read by e (so e must be read before the assignment, not at it). */
        static boolean sameVariable(Expr e, Target target) {
            // instanceof, not a type switch: see the comment at Compiler.stat0 (start-up)
            if (target instanceof LocalTarget lt) return (e instanceof Exprs.Local l && l.slot == lt.slot) || (e instanceof Exprs.CellLocal c && c.slot == lt.slot);
            if (target instanceof UpvalTarget ut) return e instanceof Exprs.Upval u && u.idx == ut.idx;
            java.util.Objects.requireNonNull(target);
            return false;
        }
    }

    public static final class MultiAssign extends Stat {
        final Target[] targets;
        final Expr[] exprs;

        /** Whether the tables and keys evaluated first are pinned while the values are evaluated (see {@link Pins}). */
        final boolean pinTargets;

        public MultiAssign(int line, Target[] targets, Expr[] exprs) { this(line, targets, exprs, false); }

        public MultiAssign(int line, Target[] targets, Expr[] exprs, boolean pinTargets) {
            super(line);
            this.targets = targets; this.exprs = exprs; this.pinTargets = pinTargets;
        }

        @Override
        public int exec(Frame f) {
            int n = targets.length;
            Object[] tmp = new Object[2 * n];
            for (int i = 0; i < n; i++) targets[i].prepare(f, tmp, i);
            if (pinTargets) for (Object o : tmp) f.thread.pin(o);
            Object[] vals = values(f, exprs, n);
            for (int i = n - 1; i >= 0; i--) targets[i].assign(f, tmp, i, vals[i]);
            return NORMAL;
        }
    }

    /** Evaluates an expression list adjusted to n values. */
    static Object[] values(Frame f, Expr[] exprs, int n) {
        Object[] out = new Object[n];
        int m = exprs.length;
        for (int i = 0; i < m; i++) {
            Expr e = exprs[i];
            if (i == m - 1 && e.isMulti()) {
                Object[] vs = e.evalMulti(f);   // evaluated even when every target is filled already
                if (i < n) org.luahost.vm.runtime.Copy.copy(vs, 0, out, i, Math.min(vs.length, n - i));
            } else if (i < n) {
                out[i] = e.eval(f);
            } else {
                e.eval(f);
            }
        }
        return out;
    }

    /** local a, b, c = exprs (general form). */
    public static final class LocalMulti extends Stat {
        final int[] slots;
        final boolean[] cells;
        final Expr[] exprs;

        public LocalMulti(int line, int[] slots, boolean[] cells, Expr[] exprs) { super(line); this.slots = slots; this.cells = cells; this.exprs = exprs; }

        @Override
        public int exec(Frame f) {
            Object[] vals = values(f, exprs, slots.length);
            for (int i = 0; i < slots.length; i++) {
                f.slots[slots[i]] = cells[i] ? new Cell(vals[i]) : vals[i];
            }
            return NORMAL;
        }
    }

    public static final class If extends Stat {
        final Expr[] conds;
        final Stat[] blocks;
        final Stat orelse;

        public If(int line, Expr[] conds, Stat[] blocks, Stat orelse) { super(line); this.conds = conds; this.blocks = blocks; this.orelse = orelse; }

        @Override
        public int exec(Frame f) {
            for (int i = 0; i < conds.length; i++) {
                if (conds[i].test(f)) return blocks[i].exec(f);
            }
            return orelse == null ? NORMAL : orelse.exec(f);
        }
    }

    public static final class While extends Stat {
        final Expr cond;
        final Stat body;

        public While(int line, Expr cond, Stat body) { super(line); this.cond = cond; this.body = body; }

        @Override
        public int exec(Frame f) {
            while (cond.test(f)) {
                int s = body.exec(f);
                if (s != NORMAL) {
                    if (s == BREAK) break;
                    return s;
                }
            }
            return NORMAL;
        }
    }

    public static final class Repeat extends Stat {
        final Stat body;
        final Expr cond;

        public Repeat(int line, Stat body, Expr cond) { super(line); this.body = body; this.cond = cond; }

        /** The loop's body (for the debug hook's entry line). */
        public Stat body() { return body; }

        @Override
        public int exec(Frame f) {
            do {
                int s = body.exec(f);
                if (s != NORMAL) {
                    if (s == BREAK) break;
                    return s;
                }
            } while (!cond.test(f));
            return NORMAL;
        }
    }

    public static final class Break extends Stat {
        /**
         * The line of the reference's OP_CLOSE this break jumps to (0: none; set by the compiler): a break
         * that leaves the scope of a captured or to-be-closed local jumps to a close at the loop's end
         * (its 'end', a repeat's condition), which a line hook sees as an event on that line.
         */
        public int closeLine;

        public Break(int line) { super(line); }

        @Override public int exec(Frame f) {
            if (closeLine > 0) {
                org.luahost.vm.LuaThread th = f.thread;
                if ((th.hookMask & org.luahost.vm.LuaThread.HOOK_LINE) != 0 && th.hook != null) th.hook.onLine(th, f, closeLine);
            }
            return BREAK;
        }
    }

    public static final class Goto extends Stat {
        final Object label;

        public Goto(int line, Object label) { super(line); this.label = label; }

        @Override public int exec(Frame f) { f.gotoLabel = label; return GOTO; }
    }

    public static final class Return0 extends Stat {
        /** See {@link #returnLocals()}; set by the compiler. */
        public int[] locals;

        public Return0(int line) { super(line); }

        @Override public int[] returnLocals() { return locals; }

        @Override public int exec(Frame f) { f.retN = LuaFunction.NONE; return RETURN; }
    }

    public static final class Return1 extends Stat {
        final Expr e;
        /** See {@link #returnTransfer()}; set by the compiler. */
        public int transfer;

        /** See {@link #returnLocals()}; set by the compiler. */
        public int[] locals;

        public Return1(int line, Expr e) { super(line); this.e = e; }

        @Override public int returnTransfer() { return transfer; }
        @Override public int[] returnLocals() { return locals; }

        @Override public int exec(Frame f) { f.ret1 = e.eval(f); f.retN = null; return RETURN; }
    }

    public static final class ReturnN extends Stat {
        final Expr[] exprs;
        final boolean lastMulti;

        /** See {@link #returnTransfer()}; set by the compiler. */
        public int transfer;

        /** See {@link #returnLocals()}; set by the compiler. */
        public int[] locals;

        public ReturnN(int line, Expr[] exprs, boolean lastMulti) { super(line); this.exprs = exprs; this.lastMulti = lastMulti; }

        @Override public int returnTransfer() { return transfer; }
        @Override public int[] returnLocals() { return locals; }

        @Override
        public int exec(Frame f) {
            f.retN = Calls.evalArgs(f, exprs, lastMulti);
            return RETURN;
        }
    }

    /** return f(args): the callee replaces this activation. */
    public static final class ReturnTail extends Stat {
        final Calls.CallBase call;
        final Expr fn;
        final Expr[] args;
        final boolean lastMulti;
        final Expr methodObj;
        final String method;

        public ReturnTail(int line, Calls.CallBase call, Expr fn, Expr[] args, boolean lastMulti, Expr methodObj, String method) {
            super(line);
            this.call = call; this.fn = fn; this.args = args; this.lastMulti = lastMulti;
            this.methodObj = methodObj; this.method = method;
        }

        @Override
        public int exec(Frame f) {
            Object fv;
            Object[] a;
            if (methodObj != null) {
                Calls.Method m = (Calls.Method) call;
                Object o = methodObj.eval(f);
                fv = m.lookup(f, o);   // the call's own lookup, with its __index chain cache
                if (m.pinFn) m.pinned(f, o, fv);   // dropped when the frame is reused or returns (see Pins)
                a = m.allArgs(f, o);
            } else {
                fv = fn.eval(f);
                a = Calls.evalArgs(f, args, lastMulti);
            }
            f.site = call;
            Calls.prepareTail(f, fv, a, call);
            return TAILCALL;
        }
    }

    /**
     * The rest of a block after {@code local x <close> = v}: runs it, then calls
     * x's __close (with the error, if one is propagating), as 5.4 does.
     */
    public static final class Tbc extends Stat {
        final int slot;
        final boolean cell;
        final String name;
        final Stat rest;
        /** Where the variable is closed when control falls off the end of its block. */
        final Node closeSite;

        public Tbc(int line, int slot, boolean cell, String name, Stat rest, int closeLine) {
            super(line); this.slot = slot; this.cell = cell; this.name = name; this.rest = rest;
            this.closeSite = new Node(closeLine) {
                @Override public String calleeNameWhat() { return "metamethod"; }
                @Override public String calleeName() { return "close"; }
            };
        }

        private Object value(Frame f) { return cell ? ((Cell) f.slots[slot]).v : f.slots[slot]; }

        @Override
        public int exec(Frame f) {
            Object v = value(f);
            if (v != null && v != Boolean.FALSE && Ops.metafield(f.thread.state, v, "__close") == null) {
                throw f.thread.runtimeError(this, "variable '" + name + "' got a non-closable value");
            }
            int s;
            int mark = f.thread.pushTbc(v);   // for LuaState.close while it is pending
            try {
                s = rest.exec(f);
            } catch (LuaError | OutOfMemoryError x) {
                LuaError e = x instanceof LuaError le ? le : LuaError.outOfMemory();   // closed with "not enough memory"
                LuaThread th = f.thread;
                th.resetTbc(mark);
                th.errorAtTbc(e);   // a coroutine the error leaves waits here for coroutine.close
                th.unwindTo(th.errorCloseDepth(f.depth));   // closed from the protected call's level
                Object err = e.value();
                try {
                    close(f, v, err);
                } catch (LuaError e2) {
                    throw e2;
                }
                throw e;
            } finally {
                f.thread.resetTbc(mark);
            }
            // keep return values safe across the __close call
            Object r1 = f.ret1;
            Object[] rn = f.retN;
            LuaFunction tf = f.tailFn;
            Object[] ta = f.tailArgs;
            Object gl = f.gotoLabel;
            close(f, v, null);
            f.ret1 = r1; f.retN = rn; f.tailFn = tf; f.tailArgs = ta; f.gotoLabel = gl;
            return s;
        }

        private void close(Frame f, Object v, Object err) {
            if (v == null || v == Boolean.FALSE) return;
            Object tm = Ops.metafield(f.thread.state, v, "__close");
            f.site = err == null ? closeSite : this;
            if (tm == null) throw f.thread.runtimeError(f.site, "attempt to call a nil value (metamethod 'close')");
            Ops.tmcall(f.thread, tm, new Object[] {v, err}, f.site, "__close");
        }

        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "close"; }
    }
}
