package org.luahost.vm.debug;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaThread;
import org.luahost.vm.nodes.Block;
import org.luahost.vm.nodes.Loops;
import org.luahost.vm.nodes.Stat;
import org.luahost.vm.nodes.Stats;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Site;

/**
 * The hook debug.sethook installs on a thread: calls the Lua hook function
 * with the event name ("call", "tail call", "return", "line", "count") and,
 * for line events, the new line, as the reference's {@code hookf} does.
 *
 * <p>Line events: a statement whose line differs from the last line
 * reported in its frame, and the jumps back of loops (see
 * {@link LuaThread.Hook#onLoop}), approximate the reference, which reports
 * per instruction (the compiler marks multi-line statements: see
 * {@code nodes.HookMark}). Count events count the reference's instructions
 * as the compiler estimates them per statement and per loop iteration
 * ({@code Stat.hookInstrs}; luahost has no VM instructions). While the hook function runs,
 * hooks are off for the thread, as in the reference.
 *
 * <p>The interpreter pays for hooks only a test of the thread's
 * {@code hookMask} at calls, returns and statements; everything here runs
 * when that mask is set. A hook belongs to one thread and runs on the thread
 * that runs it.
 */
public final class DebugHook implements LuaThread.Hook {
    final LuaFunction fn;
    final int mask;
    final int count;
    private int counter;
    private boolean running;
    /** Depth of the hook function's frame while it runs (0 otherwise): debug.getinfo names it "hook". */
    int hookDepth;
    /** The frame a call or return event is about, and its transferred values (getinfo 'r'), while the hook runs. */
    Frame transferFrame;
    int ftransfer, ntransfer;
    /** At a Lua function's return event, the values it hands back (debug.getlocal shows them at ftransfer on); else null. */
    Object[] transferValues;
    /** Whether transferFrame's event is its return (else its call). */
    boolean transferReturn;

    /** A hook calling fn for the events of mask (LuaThread.HOOK_*), and a count event every count steps (0: none). */
    public DebugHook(LuaFunction fn, int mask, int count) {
        this.fn = fn;
        this.mask = mask;
        this.count = count;
        this.counter = count;
    }

    /** The Lua hook function (null in a thread that inherited the hook). */
    public LuaFunction fn() { return fn; }

    /** The count given to debug.sethook. */
    public int count() { return count; }

    /**
     * Installs a Lua hook on t (debug.sethook): mask 0 removes it. The lines
     * the running frames are at count as already reported.
     */
    public static void install(LuaThread t, LuaFunction fn, int mask, int count) {
        if (mask == 0) {
            t.hookMask = 0;
            t.hook = null;
            return;
        }
        for (int d = 1; d <= t.depth; d++) {
            Frame f = t.frame(d);
            // a frame in its call event has run nothing: its first line is still to be reported
            f.hookLine = f.closure != null && !(f.site instanceof EntrySite) ? f.currentLine() : -1;
        }
        DebugHook h = new DebugHook(fn, mask, count);
        if (t.hook instanceof DebugHook old && old.running) {
            // installed by a running hook: takes effect when that hook returns (the reference's allowhook)
            h.running = true;
            h.hookDepth = old.hookDepth;
        }
        t.hook = h;
        t.hookMask = mask;
    }

    @Override
    public boolean isHookFrame(int d) { return d == hookDepth; }

    /**
     * A new thread gets the mask and count but no function: the reference's
     * debug library finds the hook function in a table keyed by thread, where
     * a new coroutine has no entry, so its inherited hook calls nothing and
     * {@code debug.gethook} there returns nil, mask, count.
     */
    @Override
    public LuaThread.Hook forNewThread() { return new DebugHook(null, mask, count); }

    @Override
    public void onCall(LuaThread th, Frame f, boolean tail) {
        f.hookLine = -1;
        f.hookBack = false;
        if ((mask & LuaThread.HOOK_CALL) != 0 && !running) {
            // the arguments: a Lua function's parameters, a Java function's whole stack
            transfer(f, 1, f.closure != null ? f.closure.proto.nparams : f.varargs.length);
            // the reference's call hook runs with the frame at its first instruction (after a
            // vararg function's VARARGPREP): getinfo's currentline is that line, not the header's
            Site entry = f.closure != null && f.site == null ? new EntrySite(entryLine(f.closure.proto)) : null;
            if (entry != null) f.site = entry;
            fire(th, tail ? "tail call" : "call", null);
            if (entry != null && f.site == entry) f.site = null;
        }
    }

    /**
     * The line of a function's first instruction in the reference: its first statement
     * with code of its own (looking into do blocks and repeat bodies), or the line of
     * its final return (the 'end' line; a main chunk's last line) when it has none.
     */
    private static int entryLine(org.luahost.vm.runtime.Proto p) {
        int line = firstCodeLine(p.body);
        if (line != 0) return line;
        return p.isMain() ? p.lastLine : p.body.line();
    }

    private static int firstCodeLine(Stat s) {
        if (s instanceof Block b) {
            for (int i = 0; i < b.statCount(); i++) {
                int line = firstCodeLine(b.stat(i));
                if (line != 0) return line;
            }
            return 0;
        }
        if (s instanceof Stats.Repeat r) return firstCodeLine(r.body());
        return s.hookLine != 0 ? s.hookLine : s.line();
    }

    private void transfer(Frame f, int first, int n) {
        transferFrame = f;
        transferValues = null;
        transferReturn = false;
        ftransfer = n == 0 ? 0 : first;
        ntransfer = n;
    }

    /**
     * A Java function's stack at its return: its arguments, then its results,
     * but for select and assert, which return their last arguments from where
     * they are in the reference, setmetatable, debug.setmetatable and rawset,
     * which cut their stack to their first argument and return it, and rawget,
     * whose result replaces the key, and next, whose results start there.
     */
    private static Object[] returnStack(LuaFunction fn, Object[] args, Object[] r) {
        int na = args.length, nr = r == null ? 0 : r.length;
        String name = fn == null ? null : fn.name();
        if (nr <= na && ("select".equals(name) || "assert".equals(name))) {
            boolean suffix = true;
            for (int i = 0; i < nr && suffix; i++) suffix = r[i] == args[na - nr + i];
            if (suffix) return args;
        }
        if (nr == 1 && na >= 1 && r[0] == args[0]
                && ("setmetatable".equals(name) || "rawset".equals(name) || "debug.setmetatable".equals(name))) {
            return new Object[] {args[0]};
        }
        if (nr == 1 && na >= 2 && "rawget".equals(name)) return new Object[] {args[0], r[0]};   // the key's place
        if (nr >= 1 && na >= 1 && "next".equals(name)) {   // the key's place too (and the value's after it)
            Object[] st = new Object[1 + nr];
            st[0] = args[0];
            System.arraycopy(r, 0, st, 1, nr);
            return st;
        }
        Object[] st = java.util.Arrays.copyOf(args, na + nr);
        if (nr > 0) System.arraycopy(r, 0, st, na, nr);
        return st;
    }

    /** t's hook while it runs for frame f's call or return event, else null. */
    private static DebugHook at(LuaThread t, Frame f) {
        return f != null && t.hook instanceof DebugHook h && h.transferFrame == f ? h : null;
    }

    /** Whether frame f is at its call or return event (its hook is running); ret: which of the two. */
    public static boolean atEvent(LuaThread t, Frame f, boolean ret) {
        DebugHook h = at(t, f);
        return h != null && h.transferReturn == ret;
    }

    /** Whether Lua frame f is at its return event, handing back values (its hook is running). */
    public static boolean returning(LuaThread t, Frame f) {
        DebugHook h = at(t, f);
        return h != null && h.transferValues != null;
    }

    /**
     * Result n - ftransfer (0-based) of Lua frame f at its return event, shown by debug.getlocal as
     * its local n: a holder {value}, or null when f is not returning under a hook or n is out of range.
     */
    public static Object[] returnValue(LuaThread t, Frame f, long n) {
        DebugHook h = at(t, f);
        if (h == null || h.transferValues == null) return null;
        long i = n - h.ftransfer;
        if (i < 0 || i >= h.transferValues.length) return null;
        return new Object[] {h.transferValues[(int) i]};
    }

    /**
     * Sets result n - ftransfer of Lua frame f at its return event (debug.setlocal in a return hook
     * changes what the function returns, as in the reference); false when there is no such result.
     */
    public static boolean setReturnValue(LuaThread t, Frame f, long n, Object v) {
        if (returnValue(t, f, n) == null) return false;
        DebugHook h = (DebugHook) t.hook;
        int i = (int) (n - h.ftransfer);
        if (f.retN == null) {
            f.ret1 = v;
        } else {
            // a copy: the results may be an array the function did not make (its varargs, a callee's results)
            f.retN = f.retN.clone();
            f.retN[i] = v;
        }
        h.transferValues = f.retN != null ? f.retN : new Object[] {f.ret1};
        return true;
    }

    /** Values getinfo 'r' gives for frame f: {ftransfer, ntransfer} during its call or return event, else zeros. */
    public static long[] transferOf(LuaThread t, Frame f) {
        DebugHook h = at(t, f);
        return h != null ? new long[] {h.ftransfer, h.ntransfer} : new long[] {0, 0};
    }

    @Override
    public void onReturn(LuaThread th, Frame f) {
        if (running) return;
        if ((mask & LuaThread.HOOK_LINE) != 0 && f.closure != null && f.site == f.closure.proto.body) {
            // a function that runs off its end executes its final return on the 'end' line
            // (a main chunk: the line of its last token)
            int line = f.closure.proto.isMain() ? f.closure.proto.lastLine : f.site.line();
            if (line != f.hookLine) {
                f.site = lineSite(line);
                f.hookLine = line;
                fire(th, "line", lineArg(line));
            }
        }
        if ((mask & LuaThread.HOOK_RET) != 0) {
            if (f.closure == null) {
                Object[] r = f.retN;
                f.varargs = returnStack(f.fn, f.varargs, r);
                int nr = r == null ? 0 : r.length;
                transfer(f, f.varargs.length - nr + 1, nr);
                transferReturn = true;
            } else {
                // where the reference's registers hold the results (see Site.returnTransfer); a function that
                // ran off its end, or returns nothing, transfers nothing (0, 0)
                int first = f.site != null ? f.site.returnTransfer() : 0;
                Object[] r = f.retN != null ? f.retN : new Object[] {f.ret1};
                if (first > 0 && r.length > 0) {
                    transfer(f, first, r.length);
                    transferValues = r;
                } else {
                    transferFrame = null;
                }
            }
            fire(th, "return", null);
        }
    }

    @Override
    public void onStatement(LuaThread th, Frame f, Site s) {
        if (running) return;
        f.site = s;
        if ((mask & LuaThread.HOOK_COUNT) != 0) countSteps(th, s instanceof Stat st && st.hookInstrs >= 0 ? st.hookInstrs : 1);
        if ((mask & LuaThread.HOOK_LINE) != 0 && hasCode(s)) {
            int line = s instanceof Stat st && st.hookLine != 0 ? st.hookLine : s.line();
            boolean back = f.hookBack && s instanceof Stat st && st.loopEntry;
            f.hookBack = false;
            if (back || line != f.hookLine) {
                if (line != s.line()) f.site = lineSite(line);   // getinfo's currentline is the event's line
                f.hookLine = line;
                fire(th, "line", lineArg(line));
            }
            // a generic for enters its body by a jump back (its call of the iterator comes after the body)
            if (s instanceof Loops.GenFor) f.hookBack = true;
        }
    }

    /** Counts n instructions (the reference's, as the compiler estimates them): a count event each time count are reached. */
    private void countSteps(LuaThread th, int n) {
        counter -= n;
        while (counter <= 0) {
            counter += count;
            fire(th, "count", null);
        }
    }

    @Override
    public void onLoop(LuaThread th, Frame f, int line, boolean force) { onLoop(th, f, line, force, 1); }

    @Override
    public void onLoop(LuaThread th, Frame f, int line, boolean force, int instrs) {
        if (running) return;
        if ((mask & LuaThread.HOOK_COUNT) != 0) countSteps(th, instrs);   // the jump back and what runs again
        if ((mask & LuaThread.HOOK_LINE) == 0) return;
        // hookBack still set: the body ran no statement, so the jump back landed on the loop's own line
        if (force || line != f.hookLine || f.hookBack) {
            f.site = lineSite(line);
            f.hookLine = line;
            fire(th, "line", lineArg(line));
        }
        // the jump back lands at the start of the body: its first statement is reported
        f.hookBack = !force;
    }

    @Override
    public void onLine(LuaThread th, Frame f, int line) {
        if (running || (mask & LuaThread.HOOK_LINE) == 0 || line == f.hookLine) return;
        f.site = lineSite(line);
        f.hookLine = line;
        fire(th, "line", lineArg(line));
    }

    /** A frame's position during its call event: the line of its first instruction. */
    record EntrySite(int line) implements Site {}

    /** A position on a line for a frame's current site while its hook runs (getinfo's currentline). */
    private static Site lineSite(int line) {
        return new Site() {
            @Override public int line() { return line; }
        };
    }

    /** The statements that have no code on their own line: do ... end (a Block) and repeat (its body's lines come first). */
    private static boolean hasCode(Site s) {
        return !(s instanceof Block) && !(s instanceof Stats.Repeat) && !(s instanceof Stat st && st.mergedNil);
    }

    /** The line a line event passes: none (nil) in a stripped function, whose nodes have line 0, as in the reference. */
    private static Object lineArg(int line) {
        return line > 0 ? (Object) (long) line : null;
    }

    private void fire(LuaThread th, String event, Object line) {
        if (fn == null) return;
        running = true;
        hookDepth = th.depth + 1;
        th.noYield++;   // the reference calls a Lua hook from C (lua_call): it cannot yield
        try {
            Ops.ccall(th, fn, new Object[] {event, line});
        } finally {
            th.noYield--;
            running = false;
            hookDepth = 0;
            transferFrame = null;
            // the hook may have installed another one (debug.sethook inside a hook): hooks are allowed again
            if (th.hook instanceof DebugHook now && now != this) {
                now.running = false;
                now.hookDepth = 0;
            }
        }
    }
}
