package org.luahost.vm.runtime;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaThread;
import org.luahost.vm.nodes.Stat;

/**
 * A Lua function value: a {@link Proto} with its upvalues. A call pushes a
 * frame on the calling thread, binds the parameters, runs the body, and
 * follows tail calls in place (the frame is reused), so a chain of tail
 * calls runs in constant Java stack.
 */
public final class LuaClosure extends LuaFunction {
    public final Proto proto;
    public final Cell[] upvals;

    public LuaClosure(Proto proto, Cell[] upvals) {
        this.proto = proto;
        this.upvals = upvals;
    }

    @Override
    public String name() { return null; }

    private Frame enter(LuaThread th) {
        Frame f = th.push(this);
        f.closure = this;
        f.slots = new Object[proto.slotCount];
        return f;
    }

    @Override
    public Object call(LuaThread th) {
        Frame f = enter(th);
        return run1(th, f);
    }

    @Override
    public Object call(LuaThread th, Object a) {
        Frame f = enter(th);
        Proto p = proto;
        if (p.nparams >= 1) {
            f.slots[0] = a;
        } else if (p.vararg) {
            f.varargs = new Object[] {a};
        }
        return run1(th, f);
    }

    @Override
    public Object call(LuaThread th, Object a, Object b) {
        Frame f = enter(th);
        Proto p = proto;
        Object[] s = f.slots;
        switch (p.nparams) {
            case 0 -> { if (p.vararg) f.varargs = new Object[] {a, b}; }
            case 1 -> { s[0] = a; if (p.vararg) f.varargs = new Object[] {b}; }
            default -> { s[0] = a; s[1] = b; }
        }
        return run1(th, f);
    }

    @Override
    public Object call(LuaThread th, Object a, Object b, Object c) {
        Proto p = proto;
        if (p.nparams < 3 && p.vararg) return first(invoke(th, new Object[] {a, b, c}));
        Frame f = enter(th);
        Object[] s = f.slots;
        switch (p.nparams) {
            case 0 -> {}
            case 1 -> s[0] = a;
            case 2 -> { s[0] = a; s[1] = b; }
            default -> { s[0] = a; s[1] = b; s[2] = c; }
        }
        return run1(th, f);
    }

    @Override
    public Object[] invoke(LuaThread th, Object[] args) {
        Frame f = enter(th);
        bindArgs(f, args);
        return runAll(th, f);
    }

    @Override
    public Object callFirst(LuaThread th, Object[] args) {
        Frame f = enter(th);
        bindArgs(f, args);
        return run1(th, f);
    }

    /** Binds exact arguments to the parameters and varargs of a fresh frame of this closure. */
    void bindArgs(Frame f, Object[] args) {
        Proto p = proto;
        int np = p.nparams;
        int n = Math.min(np, args.length);
        Copy.copy(args, 0, f.slots, 0, n);
        if (p.vararg) {
            if (args.length > np) {
                f.varargs = np == 0 ? args : Copy.from(args, np);
            } else {
                f.varargs = NONE;
            }
        }
    }

    private static Object run1(LuaThread th, Frame f) {
        if (--th.workLeft < 0) th.outOfWork();   // the call's unit of work, counted once the arguments are in the frame
        if (th.hookMask != 0) th.hook.onCall(th, f, false);
        int pins = th.pinMark();
        int sig = f.closure.proto.body.exec(f);
        if (th.pinMark() != pins) th.unpin(pins);   // what a return statement's values pinned (see nodes.Pins)
        if (sig == Stat.TAILCALL) sig = tailLoop(th, f, pins);
        if (sig == Stat.RETURN) {
            if (th.hookMask != 0) th.hook.onReturn(th, f);   // first: a return hook may change the results (setlocal)
            Object r = f.retN == null ? f.ret1 : first(f.retN);
            th.pop();
            return r;
        }
        if (th.hookMask != 0) hookEnd(th, f);
        th.pop();
        return null;
    }

    private static Object[] runAll(LuaThread th, Frame f) {
        if (--th.workLeft < 0) th.outOfWork();
        if (th.hookMask != 0) th.hook.onCall(th, f, false);
        int pins = th.pinMark();
        int sig = f.closure.proto.body.exec(f);
        if (th.pinMark() != pins) th.unpin(pins);
        if (sig == Stat.TAILCALL) sig = tailLoop(th, f, pins);
        if (sig == Stat.RETURN) {
            if (th.hookMask != 0) th.hook.onReturn(th, f);   // first: a return hook may change the results (setlocal)
            Object[] r = f.retN == null ? new Object[] {f.ret1} : f.retN;
            th.pop();
            return r;
        }
        if (th.hookMask != 0) hookEnd(th, f);
        th.pop();
        return NONE;
    }

    /** The return hook of a function that ran off its end: the frame is at the 'end' line. */
    private static void hookEnd(LuaThread th, Frame f) {
        f.site = f.closure.proto.body;
        th.hook.onReturn(th, f);
    }

    /**
     * Follows tail calls from frame f, reusing it for Lua callees. Returns the
     * last callee's signal: RETURN with its results in the frame (as a return
     * statement leaves them), or NORMAL when it ran off its end; the caller
     * ({@link #run1}, {@link #runAll}) then finishes the call as for a body
     * without tail calls, so the single-result path makes no array.
     */
    private static int tailLoop(LuaThread th, Frame f, int pins) {
        for (;;) {
            LuaFunction g = f.tailFn;
            Object[] args = f.tailArgs;
            f.tailFn = null;
            f.tailArgs = null;
            if (!(g instanceof LuaClosure c)) {
                // a Java function called in tail position runs above the caller's frame, as in the reference
                f.retN = Ops.call(th, g, args);
                return Stat.RETURN;
            }
            f.fn = c;
            f.closure = c;
            f.slots = new Object[c.proto.slotCount];
            f.varargs = NONE;
            f.site = null;
            f.tailcall = true;
            f.ntbc = 0;
            c.bindArgs(f, args);
            if (--th.workLeft < 0) th.outOfWork();   // a tail call counts as a call (see WorkMeter), once its arguments are bound
            if (th.hookMask != 0) th.hook.onCall(th, f, true);
            int sig = c.proto.body.exec(f);
            if (th.pinMark() != pins) th.unpin(pins);
            if (sig != Stat.TAILCALL) return sig;
        }
    }
}
