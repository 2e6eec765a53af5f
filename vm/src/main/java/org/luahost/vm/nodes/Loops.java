package org.luahost.vm.nodes;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Site;

/** The two for loops, with 5.4's integer/float loop rules and fast paths for pairs/ipairs. */
public final class Loops {
    private Loops() {}

    /** for v = start, limit, step do body end */
    public static final class NumFor extends Stat {
        final Expr start, limit, step;
        final int slot;
        final boolean cell;
        final Stat body;
        /**
         * First of three frame slots showing the reference's hidden registers to debug.getlocal: the
         * index (set each iteration), the limit (its iteration count derived from the index, for an
         * integer loop; see debug.Locals) and the step (both set once).
         */
        final int state;

        public NumFor(int line, Expr start, Expr limit, Expr step, int slot, boolean cell, Stat body, int state) {
            super(line);
            this.start = start; this.limit = limit; this.step = step; this.slot = slot; this.cell = cell; this.body = body;
            this.state = state;
        }

        @Override
        public int exec(Frame f) {
            Object s0 = start.eval(f), l0 = limit.eval(f), st0 = step == null ? (Object) 1L : step.eval(f);
            return run(f, s0, l0, st0);
        }

        /** The loop once its start, limit and step are evaluated (also the compiled code's general path). */
        int run(Frame f, Object s0, Object l0, Object st0) {
            LuaThread th = f.thread;
            if (s0 instanceof Long init && st0 instanceof Long stp) {
                long step = stp;
                if (step == 0) throw th.runtimeError(this, "'for' step is zero");
                if (!(l0 instanceof Long || l0 instanceof Double)) l0 = forNumber(th, l0, "limit", this);
                long lim;
                if (l0 instanceof Long l) lim = l;
                else {
                    double d = (Double) l0;
                    if (Double.isNaN(d)) {
                        // the reference's forlimit: not above 0, so "below mininteger"
                        if (step > 0) return NORMAL;
                        lim = Long.MIN_VALUE;
                    } else if (step > 0) {
                        d = Math.floor(d);
                        if (d >= 0x1p63) lim = Long.MAX_VALUE;
                        else if (d < -0x1p63) return NORMAL;
                        else lim = (long) d;
                    } else {
                        d = Math.ceil(d);
                        if (d < -0x1p63) lim = Long.MIN_VALUE;
                        else if (d >= 0x1p63) return NORMAL;
                        else lim = (long) d;
                    }
                }
                long i = init;
                if (step > 0 ? i > lim : i < lim) return NORMAL;
                long count = step > 0 ? Long.divideUnsigned(lim - i, step)
                        : Long.divideUnsigned(i - lim, -(step + 1) + 1L);
                Object[] slots = f.slots;
                slots[state + 1] = l0 instanceof Long ? l0 : (Object) lim;
                slots[state + 2] = stp;
                for (;;) {
                    Long b = i;
                    slots[state] = b;
                    if (cell) slots[slot] = new Cell(b); else slots[slot] = b;
                    int s = body.exec(f);
                    if (s != NORMAL) {
                        if (s == BREAK) break;
                        return s;
                    }
                    if (count-- == 0) break;
                    i += step;
                }
                return NORMAL;
            }
            // as the reference's forprep: strings are converted; errors checked in this order
            l0 = forNumber(th, l0, "limit", this);
            st0 = forNumber(th, st0, "step", this);
            s0 = forNumber(th, s0, "initial value", this);
            double i = Ops.todouble(s0), lim = Ops.todouble(l0), step = Ops.todouble(st0);
            if (step == 0) throw th.runtimeError(this, "'for' step is zero");
            // the reference's forprep skips the loop when limit < init (init < limit for a step that is not
            // positive), and its forloop goes on while idx <= limit: with a NaN the body runs once
            if (step > 0 ? lim < i : i < lim) return NORMAL;
            f.slots[state + 1] = lim;
            f.slots[state + 2] = step;
            do {
                Double b = i;
                f.slots[state] = b;
                if (cell) f.slots[slot] = new Cell(b); else f.slots[slot] = b;
                int s = body.exec(f);
                if (s != NORMAL) {
                    if (s == BREAK) break;
                    return s;
                }
                i += step;
            } while (step > 0 ? i <= lim : i >= lim);
            return NORMAL;
        }
    }

    /** A 'for' control value as a number (strings converted), or the reference's error. */
    static Object forNumber(LuaThread th, Object v, String what, Site site) {
        if (v instanceof Long || v instanceof Double) return v;
        Object n = v instanceof String ? Ops.tonumber(v) : null;
        if (n == null) {
            throw th.runtimeError(site, "bad 'for' " + what + " (number expected, got " + Ops.typeNameMeta(th.state, v) + ")");
        }
        return n;
    }

    /** for v1, v2, ... in explist do body end */
    public static final class GenFor extends Stat {
        final Expr[] exprs;
        final int[] slots;
        final boolean[] cells;
        final Stat body;
        /** First of three frame slots keeping the iterator function, state and closing value (roots for the collector). */
        final int hidden;
        /**
         * Where the iterator is called: the line where the expression list starts, as the
         * reference attributes its OP_TFORCALL (errors and tracebacks of the call).
         */
        final Node callSite;

        public GenFor(int line, int callLine, Expr[] exprs, int[] slots, boolean[] cells, Stat body, int hidden) {
            super(line);
            this.exprs = exprs; this.slots = slots; this.cells = cells; this.body = body; this.hidden = hidden;
            this.callSite = new Node(callLine) {
                @Override public String calleeNameWhat() { return "for iterator"; }
                @Override public String calleeName() { return "for iterator"; }
                @Override public String varInfo(int i) { return " (for iterator 'for iterator')"; }
            };
        }

        /**
         * The line of the loop's 'end' (0: unknown), where the reference closes the loop's
         * closing value when the loop ends or breaks: a line hook sees it then.
         */
        public int endLine;

        private void set(Frame f, int i, Object v) {
            if (cells[i]) f.slots[slots[i]] = new Cell(v); else f.slots[slots[i]] = v;
        }

        /** The loop ended or broke (signal NORMAL): a line hook sees its 'end' line. */
        private void endEvent(Frame f, int signal) {
            LuaThread th = f.thread;
            if (signal == NORMAL && endLine > 0 && (th.hookMask & LuaThread.HOOK_LINE) != 0 && th.hook != null) {
                th.hook.onLine(th, f, endLine);
            }
        }

        @Override
        public int exec(Frame f) {
            Object[] init = Stats.values(f, exprs, 4);
            Object fn = init[0], state = init[1], control = init[2], closing = init[3];
            Object[] fs = f.slots;
            fs[hidden] = fn;
            fs[hidden + 1] = state;
            fs[hidden + 2] = closing;
            LuaThread th = f.thread;
            if (closing != null && closing != Boolean.FALSE) {
                return withClose(f, fn, state, control, closing);
            }
            // with hooks on, next and ipairs's iterator are called (call and return events) as in the reference
            if (th.hookMask != 0) {
                int s = generic(f, fn, state, control);
                endEvent(f, s);
                return s;
            }
            if (fn == th.state.nextFunction && state instanceof LuaTable t && control == null) return pairsLoop(f, t);
            if (fn == th.state.ipairsIterator && state instanceof LuaTable t && Long.valueOf(0).equals(control)
                    && t.getMetatable() == null) return ipairsLoop(f, t);
            return generic(f, fn, state, control);
        }

        private int generic(Frame f, Object fn, Object state, Object control) {
            LuaThread th = f.thread;
            int n = slots.length;
            for (;;) {
                f.site = callSite;
                Object[] r;
                th.enterCcall(callSite);   // the iterator is called as the reference's OP_TFORCALL does, through luaD_call
                if (fn instanceof LuaFunction lf) {
                    if (n == 1) {
                        Object v;
                        try {
                            v = lf.call(th, state, control);
                        } finally {
                            th.ccalls--;
                        }
                        if (v == null) break;
                        set(f, 0, v);
                        control = v;
                        int s = body.exec(f);
                        if (s != NORMAL) { if (s == BREAK) break; return s; }
                        continue;
                    }
                    try {
                        r = lf.invoke(th, new Object[] {state, control});
                    } finally {
                        th.ccalls--;
                    }
                } else {
                    try {
                        r = Ops.callMeta(th, fn, new Object[] {state, control}, callSite);
                    } finally {
                        th.ccalls--;
                    }
                }
                Object v = r.length == 0 ? null : r[0];
                if (v == null) break;
                for (int i = 0; i < n; i++) set(f, i, i < r.length ? r[i] : null);
                control = v;
                int s = body.exec(f);
                if (s != NORMAL) {
                    if (s == BREAK) break;
                    return s;
                }
            }
            return NORMAL;
        }

        private int pairsLoop(Frame f, LuaTable t) {
            Object[] kv = new Object[2];
            Object key = null;
            int pos = -1;   // where key is in the traversal: the next step starts there (LuaTable.nextFrom)
            int n = slots.length;
            for (;;) {
                try {
                    if ((pos = t.nextFrom(pos, key, kv)) < 0) break;
                } catch (IllegalArgumentException e) {   // the key was removed and the table rehashed
                    throw f.thread.raise("invalid key to 'next'");   // raised inside next: no position
                }
                key = kv[0];
                set(f, 0, key);
                if (n > 1) {
                    set(f, 1, kv[1]);
                    for (int i = 2; i < n; i++) set(f, i, null);
                }
                int s = body.exec(f);
                if (s != NORMAL) {
                    if (s == BREAK) break;
                    return s;
                }
                if (f.thread.hookMask != 0) return hooked(f, f.thread.state.nextFunction, t, key);
            }
            return NORMAL;
        }

        /** Hooks switched on by a body of a fast loop: the rest of the loop calls its iterator (call and return events). */
        private int hooked(Frame f, Object fn, LuaTable t, Object control) {
            int s = generic(f, fn, t, control);
            endEvent(f, s);
            return s;
        }

        private int ipairsLoop(Frame f, LuaTable t) {
            int n = slots.length;
            for (long i = 1; ; i++) {
                Object v = t.rawget(i);
                if (v == null) break;
                set(f, 0, i);
                if (n > 1) {
                    set(f, 1, v);
                    for (int k = 2; k < n; k++) set(f, k, null);
                }
                int s = body.exec(f);
                if (s != NORMAL) {
                    if (s == BREAK) break;
                    return s;
                }
                if (f.thread.hookMask != 0) return hooked(f, f.thread.state.ipairsIterator, t, i);
            }
            return NORMAL;
        }

        private int withClose(Frame f, Object fn, Object state, Object control, Object closing) {
            if (Ops.metafield(f.thread.state, closing, "__close") == null) {
                throw f.thread.runtimeError(this, "variable '(for state)' got a non-closable value");
            }
            int s;
            LuaThread th = f.thread;
            int mark = th.pushTbc(closing);   // pending, as a <close> variable (LuaState.close, coroutine.close)
            try {
                s = generic(f, fn, state, control);
            } catch (org.luahost.vm.LuaError e) {
                th.resetTbc(mark);
                th.errorAtTbc(e);   // a coroutine the error leaves waits here for coroutine.close
                th.unwindTo(th.errorCloseDepth(f.depth));   // closed from the protected call's level
                Ops.tmcall(th, Ops.metafield(th.state, closing, "__close"), new Object[] {closing, e.value()}, this, "__close");
                throw e;
            } finally {
                th.resetTbc(mark);
            }
            Object r1 = f.ret1;
            Object[] rn = f.retN;
            if (th.hookMask != 0) endEvent(f, s);   // the close runs on the 'end' line
            Ops.tmcall(f.thread, Ops.metafield(f.thread.state, closing, "__close"), new Object[] {closing, null}, this, "__close");
            f.ret1 = r1;
            f.retN = rn;
            return s;
        }

        @Override public String calleeNameWhat() { return "for iterator"; }
        @Override public String calleeName() { return "for iterator"; }
        @Override public String varInfo(int i) { return " (for iterator 'for iterator')"; }
    }
}
