package org.luahost.vm.debug;

import org.luahost.vm.nodes.Stat;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Proto;
import org.luahost.vm.runtime.Site;

/**
 * Access to the local variables and upvalues of functions and running
 * frames, as the reference's {@code lua_getlocal}/{@code lua_setlocal} and
 * {@code lua_getupvalue} do, from the local ranges the compiler recorded
 * ({@link Proto#locals}).
 *
 * <p>A local is visible from the line of its declaration to the end of its
 * block, except to the calls its own declaration makes
 * ({@link Proto.Decl}): {@code local x = f()} does not show {@code x} to
 * {@code f}. The hidden loop variables are listed as {@code "(for state)"}:
 * a generic for's with their values (iterator function, state, control
 * value, closing value), a numeric for's with nil values. The reference's
 * unnamed stack slots ({@code "(temporary)"}) are shown for a stripped
 * function, whose locals are listed as such, and inside a hook, where the
 * frame's slots past its active locals are, and for a frame making a call,
 * where the values pending around the call are (the compiler's
 * {@code nodes.Exprs.Temp} slots, {@link Site#pendingTemps}); a Java function's
 * stack ({@code "(C temporary)"}) is shown while a hook runs. Runs on the
 * thread that owns the frame.
 */
public final class Locals {
    private Locals() {}

    /**
     * A local found in a frame: its name and value, and where it lives: its
     * debug entry (info), or the index of a vararg (info null), or for a
     * {@code "(temporary)"} slot s of a hooked frame, -2 - s (info null).
     */
    public record Local(String name, Object value, Proto.LocalInfo info, int vararg) {}

    /** Local n of a running frame (negative: the varargs), or null when there is none. */
    public static Local find(Frame f, long n) {
        if (f.closure == null) {
            // a Java function's stack, kept while a hook runs (see DebugHook): its arguments and results
            // at its own call or return event the reference shows one more slot past the stack (stale); but
            // debug.sethook's return, whose stack ends where the hook was set
            if (n == f.varargs.length + 1 && (DebugHook.atEvent(f.thread, f, false)
                    || DebugHook.atEvent(f.thread, f, true) && !(f.fn != null && "debug.sethook".equals(f.fn.name())))) {
                return new Local("(C temporary)", null, null, RESULT + (int) n);
            }
            if (n < 1 || n > f.varargs.length) return null;
            return new Local("(C temporary)", f.varargs[(int) n - 1], null, (int) n - 1);
        }
        Proto p = f.closure.proto;
        if (n < 0) {
            if (!p.vararg || -n > f.varargs.length) return null;
            int i = (int) (-n - 1);
            return new Local("(vararg)", f.varargs[i], null, i);
        }
        if (n == 0) return null;
        // at its return event the frame has run its return statement's line (its declarations included), and
        // the values it hands back are in the reference's registers from ftransfer on (see Site.returnTransfer)
        boolean atReturn = DebugHook.returning(f.thread, f);
        Object[] result = atReturn ? DebugHook.returnValue(f.thread, f, n) : null;
        Proto.LocalInfo named = atReturn && !p.stripped ? activeAtReturn(p, f, n) : null;
        if (result != null) return new Local(named != null ? named.name() : "(temporary)", result[0], null, RESULT + (int) n);
        if (atReturn && !p.stripped && named == null) {
            // past the locals and the results, the reference shows the registers up to its top, which hold
            // stale values (at least two past the locals): named as it does, their values nil here
            long k = 0;
            while (activeAtReturn(p, f, k + 1) != null) k++;
            long[] tr = DebugHook.transferOf(f.thread, f);
            if (n > k && n <= Math.max(Math.max(tr[0] + tr[1], k + 2), p.frameSize)) return new Local("(temporary)", null, null, RESULT + (int) n);
            return null;
        }
        // a stripped function has no lines (its nodes have line 0): its locals are all listed, unnamed
        Proto.LocalInfo e = p.stripped ? (n <= p.locals.length ? p.locals[(int) n - 1] : null)
                : atReturn ? named : active(p, f.currentLine(), f.site, n);
        if (e == null) return p.stripped ? null : f.site != null && f.site.pendingTemps() != null ? pending(p, f, n) : temporary(p, f, n);
        Object v = null;
        if (e.slot() >= 0 && f.slots != null && e.slot() < f.slots.length) {
            v = f.slots[e.slot()];
            if (e.captured()) v = v instanceof Cell c ? c.v : null;
            if (FOR_STATE.equals(e.name()) && middleOfNumericFor(p, e)) v = iterationsLeft(f.slots, e.slot());
        }
        return new Local(e.name(), v, e, -1);
    }

    private static final String FOR_STATE = "(for state)";

    /**
     * Whether e is the second of a numeric for's three hidden entries (a generic for has four): the
     * reference's register that holds an integer loop's remaining iterations (a float loop's limit).
     */
    private static boolean middleOfNumericFor(Proto p, Proto.LocalInfo e) {
        Proto.LocalInfo[] l = p.locals;
        for (int j = 1; j + 1 < l.length; j++) {
            if (l[j] != e) continue;
            return FOR_STATE.equals(l[j - 1].name()) && FOR_STATE.equals(l[j + 1].name())
                    && (j < 2 || !FOR_STATE.equals(l[j - 2].name())) && (j + 2 >= l.length || !FOR_STATE.equals(l[j + 2].name()));
        }
        return false;
    }

    /** The remaining iterations of an integer numeric for whose hidden slots start at s - 1 (a float loop: its limit). */
    private static Object iterationsLeft(Object[] slots, int s) {
        if (s < 1 || s + 1 >= slots.length) return slots[s];
        if (slots[s - 1] instanceof Long idx && slots[s] instanceof Long lim && slots[s + 1] instanceof Long step) {
            long i = idx, l = lim, st = step;
            return st > 0 ? Long.divideUnsigned(l - i, st) : Long.divideUnsigned(i - l, -(st + 1) + 1L);
        }
        return slots[s];
    }

    /**
     * Inside a hook (the frame stopped at a statement: a line or count event), the
     * entries past the active locals, as {@code "(temporary)"}: the frame's other
     * slots with what they hold (a dead local's last value, or nil), as the reference
     * lists the registers of a hooked frame (D7). lua5.4 lists its frame's registers
     * (at least 2) and one more; here the registers are the slots (a slotless hidden
     * local counts as one), so a frame whose expressions need registers past its
     * locals lists fewer, and the entries past the slots hold nil. Null when there is
     * no entry n.
     */
    private static Local temporary(Proto p, Frame f, long n) {
        if (!(f.site instanceof Stat) || f.slots == null || n < 1) return null;
        int line = f.currentLine();
        long k = 0;
        int top = 0;
        for (Proto.LocalInfo e; (e = active(p, line, f.site, k + 1)) != null; k++) top = Math.max(top, e.slot() + 1);
        long registers = Math.max(p.frameSize + k - top, 2);
        if (n <= k || n > registers + 1) return null;
        long s = top + (n - k) - 1;
        Object v = s < p.frameSize && s < f.slots.length ? f.slots[(int) s] : null;
        if (v instanceof Cell c) v = c.v;
        return new Local("(temporary)", v, null, TEMPORARY - (int) s);
    }

    /**
     * A frame making a call (its site): the entries past the active locals are the values
     * pending around the call (D12: the left operand of {@code (a + 1) + f()}, the function and
     * earlier arguments of {@code g(x, f())}, a table being built), as lua5.4 lists the
     * registers below the called function. Null past them.
     */
    private static Local pending(Proto p, Frame f, long n) {
        int[] slots = f.site.pendingTemps();
        int line = f.currentLine();
        long k = 0;
        while (active(p, line, f.site, k + 1) != null) k++;
        if (n <= k || n - k > slots.length) return null;
        int s = slots[(int) (n - k - 1)];
        return new Local("(temporary)", s < f.slots.length ? f.slots[s] : null, null, TEMPORARY - s);
    }

    /** {@link Local#vararg} of a {@code "(temporary)"} slot s: TEMPORARY - s. */
    private static final int TEMPORARY = -2;

    /** {@link Local#vararg} of what a returning frame hands back, shown as its local n: RESULT + n. */
    private static final int RESULT = Integer.MIN_VALUE / 2;

    /** Sets a local found by {@link #find} in frame f. */
    public static void set(Frame f, Local l, Object v) {
        if (l.info() == null && l.vararg() > RESULT && l.vararg() < RESULT + (1 << 20)) {
            DebugHook.setReturnValue(f.thread, f, l.vararg() - RESULT, v);
            return;
        }
        if (l.info() == null && l.vararg() <= TEMPORARY) {
            // a dead slot (a Cell there belongs to a closure that keeps it); past the slots, nothing to keep
            int s = TEMPORARY - l.vararg();
            if (s < f.closure.proto.slotCount && s < f.slots.length) f.slots[s] = v;
            return;
        }
        if (l.info() == null) {
            Object[] va = f.varargs.clone();
            va[l.vararg()] = v;
            f.varargs = va;
            return;
        }
        Proto.LocalInfo e = l.info();
        if (e.slot() >= 0 && f.slots != null && e.slot() < f.slots.length) {
            if (e.captured()) {
                if (f.slots[e.slot()] instanceof Cell c) c.v = v;
            } else {
                f.slots[e.slot()] = v;
            }
        }
    }

    /** The name of parameter n (1-based) of a function, or null (getlocal on a function). */
    public static String paramName(LuaClosure c, long n) {
        if (n < 1 || n > c.proto.nparams || c.proto.stripped) return null;
        for (Proto.LocalInfo e : c.proto.locals) {
            if (--n == 0) return e.name();
        }
        return null;
    }

    /** The name of upvalue n (1-based) of c: "(no name)" when stripped or unnamed. */
    public static String upvalueName(LuaClosure c, int n) {
        Proto p = c.proto;
        String name = !p.stripped && p.upvalNames != null && n <= p.upvalNames.length ? p.upvalNames[n - 1] : null;
        return name == null || name.isEmpty() ? "(no name)" : name;
    }

    /** The n-th local (1-based) in scope at frame f's return event: its return statement's (see Site.returnLocals), else by line. */
    private static Proto.LocalInfo activeAtReturn(Proto p, Frame f, long n) {
        int[] in = f.site != null ? f.site.returnLocals() : null;
        if (in == null) return active(p, f.currentLine(), null, n);
        return n >= 1 && n <= in.length && in[(int) n - 1] < p.locals.length ? p.locals[in[(int) n - 1]] : null;
    }

    /** The n-th local (1-based) active at a line, in declaration order; site: the call the frame is making, if any. */
    private static Proto.LocalInfo active(Proto p, int line, Site site, long n) {
        int[] in = site != null ? site.scopeLocals() : null;
        if (in != null) return n >= 1 && n <= in.length && in[(int) n - 1] < p.locals.length ? p.locals[in[(int) n - 1]] : null;
        long k = 0;
        int i = 0;
        for (Proto.LocalInfo e : p.locals) {
            // the parameters (the first entries) are active from the function's entry on,
            // even on the header's line (a one-line function)
            boolean param = i++ < p.nparams;
            if (e.startLine() <= line && line <= e.endLine()) {
                if (!param && e.startLine() == line && site != null && inDeclaration(e, site)) continue;
                // a frame stopped at a statement (a line or count event), or at its first one
                // (a call event), has not run the line's declarations yet: a local's range
                // starts after its declaration
                if (!param && e.startLine() == line && (site instanceof Stat || site instanceof DebugHook.EntrySite)) continue;
                if (++k == n) return e;
            }
        }
        return null;
    }

    /** Whether site (a call at the declaration's line) is part of what declares e: its initializer or loop header. */
    private static boolean inDeclaration(Proto.LocalInfo e, Site site) {
        String what = site.calleeNameWhat();
        if (what == null || e.decl() == null) return false;
        if (e.decl().iterator() && what.equals("for iterator")) return true;
        return e.decl().hasCall(site.calleeName(), site.line());
    }
}
