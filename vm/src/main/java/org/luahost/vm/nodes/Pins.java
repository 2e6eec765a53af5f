package org.luahost.vm.nodes;

import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Frame;

/**
 * Pinned temporaries: what makes a collection in the middle of an expression
 * sound (see {@link org.luahost.vm.Gc}).
 *
 * <p>A node that evaluates its parts one after the other keeps the values of
 * the earlier parts in Java locals (or, in the second tier, in the locals of
 * the generated method) while the later parts run. If a later part may call a
 * function, a collection may start inside it, and the collector, which marks
 * Lua frames, would not see those values. The compiler ({@link #held}) wraps
 * each such earlier part in a {@link Pin}, which pushes its value on the
 * thread's pin stack ({@link LuaThread#pin}: a type test, and a push for a
 * table, function, userdata or thread), and the holding node in a
 * {@link Scope} (or, for a statement, a {@link ScopeStat}), which drops the pins
 * when it is done. A function's return also drops the pins its frame left (a
 * {@code return a, f()} has no scope), and so does a protected call that
 * catches an error.
 *
 * <p>What needs no pin: constants (never collectable) and plain locals, whose
 * slot keeps the value (a frame's slots are roots). A part "may call" unless it
 * is a constant, a local, an upvalue, {@code ...} or a function constructor.
 * Both tiers run the same wrapped tree: the second tier emits a pin as a call
 * of {@link LuaThread#pin} on the operand and a scope as a mark and an unpin.
 *
 * <p>Pins are recorded only in a state whose collections can be observed
 * ({@code LuaState.pinning}: a finalizer, a weak table, an open file or a
 * memory limit). Until the first such state of the JVM appears,
 * {@link #active()} is false, so the pin and scope nodes of both tiers cost
 * a load of a static field and a branch; {@link #activate()} (called when a
 * state starts pinning) sets it once and for all. It is a plain field, not a
 * constant that HotSpot folds (a {@code MutableCallSite}, used before): C2
 * folded that one, but C1's code, which runs most of a short program, paid a
 * method-handle invocation for every pin (about 9 % of awfy_richards'
 * samples). A state starts pinning on its own Lua thread (a collection, a
 * metatable with {@code __gc} or {@code __mode}, an open file) or in its
 * builder (a memory limit), before the code that needs the pins runs:
 * program order makes the write visible there, and a state's code reaches
 * another thread only through a hand-off that orders it. Another thread that still reads the old value
 * runs a state that does not pin. A scope that began before the switch took
 * no mark and drops nothing: its pins, if any, are dropped by the function's
 * return, which always takes its mark.
 */
public final class Pins {
    private Pins() {}

    /** False until {@link #activate()}, then true (see the class comment). */
    private static boolean activeFlag;

    /** Whether some state of this JVM records pins. */
    public static boolean active() { return activeFlag; }

    /** Turns pin recording on for good (idempotent); any thread may call it. */
    public static synchronized void activate() { activeFlag = true; }

    /** Whether evaluating e may call a function (and so reach a safe point of the collector). */
    public static boolean mayCall(Expr e) {
        return !(e instanceof Exprs.Const || e instanceof Exprs.Local || e instanceof Exprs.CellLocal
                || e instanceof Exprs.Upval || e instanceof Exprs.Vararg || e instanceof Exprs.Function);
    }

    /** Whether e's value, held while something else runs, must be pinned (see the class comment). */
    static boolean needsPin(Expr e) {
        return !(e instanceof Exprs.Const || e instanceof Exprs.Local || e instanceof Exprs.Vararg || e instanceof Pin
                || e instanceof Exprs.Temp t && t.e instanceof Pin);
    }

    /** Whether any of es[from..] may call. */
    public static boolean anyMayCall(Expr[] es, int from) {
        for (int i = from; i < es.length; i++) if (es[i] != null && mayCall(es[i])) return true;
        return false;
    }

    /**
     * Parts evaluated in this order, each held until all are evaluated: a copy
     * in which each part that a later one may outlive across a call is pinned
     * (the same array when none is). Null entries are skipped.
     */
    public static Expr[] held(Expr... parts) {
        Expr[] out = parts;
        for (int i = 0; i < parts.length - 1; i++) {
            Expr e = parts[i];
            if (e != null && needsPin(e) && anyMayCall(parts, i + 1)) {
                if (out == parts) out = parts.clone();
                out[i] = new Pin(e);
            }
        }
        return out;
    }

    /** e pinned, if its value needs a pin (see {@link #needsPin}). */
    public static Expr pin(Expr e) { return needsPin(e) ? new Pin(e) : e; }

    /** e without its pin scope, if it has one. */
    public static Expr unscoped(Expr e) { return e instanceof Scope s ? s.e : e; }

    /** e inside a pin scope when pinned is true. */
    public static Expr scope(Expr e, boolean pinned) {
        if (!pinned) return e;
        Scope s = new Scope(e);
        s.liveSlots = e.liveSlots;
        return s;
    }

    /** s inside a pin scope when pinned is true. */
    public static Stat scope(Stat s, boolean pinned) { return pinned ? new ScopeStat(s) : s; }

    /** Pushes its operand's value on the pin stack. */
    public static final class Pin extends Expr {
        final Expr e;

        Pin(Expr e) { super(e.line); this.e = e; this.liveSlots = e.liveSlots; }

        @Override
        public Object eval(Frame f) {
            Object v = e.eval(f);
            return active() ? f.thread.pin(v) : v;
        }

        @Override public String describe() { return e.describe(); }
    }

    /** Drops the pins its operand pushed once the operand's value is computed. */
    public static final class Scope extends Expr {
        final Expr e;

        Scope(Expr e) { super(e.line); this.e = e; }

        @Override
        public Object eval(Frame f) {
            if (!active()) return e.eval(f);
            LuaThread th = f.thread;
            int mark = th.pinMark();
            Object v = e.eval(f);
            th.unpin(mark);
            return v;
        }

        @Override
        public Object[] evalMulti(Frame f) {
            if (!active()) return e.evalMulti(f);
            LuaThread th = f.thread;
            int mark = th.pinMark();
            Object[] v = e.evalMulti(f);
            th.unpin(mark);
            return v;
        }

        @Override public boolean isMulti() { return e.isMulti(); }
        @Override public String describe() { return e.describe(); }
        @Override public String varInfo(int i) { return e.varInfo(i); }
        @Override public String calleeNameWhat() { return e.calleeNameWhat(); }
        @Override public String calleeName() { return e.calleeName(); }
    }

    /** A statement (an assignment) whose parts are pinned: drops its pins when it is done. */
    public static final class ScopeStat extends Stat {
        final Stat s;

        ScopeStat(Stat s) { super(s.line); this.s = s; this.liveSlots = s.liveSlots; }

        @Override
        public int exec(Frame f) {
            if (!active()) return s.exec(f);
            LuaThread th = f.thread;
            int mark = th.pinMark();
            int r = s.exec(f);
            th.unpin(mark);
            return r;
        }
    }
}
