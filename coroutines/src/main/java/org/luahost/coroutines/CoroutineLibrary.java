package org.luahost.coroutines;

import static org.luahost.vm.JavaFunction.ret;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaLibrary;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.Profile;
import org.luahost.vm.spi.Threads;

/**
 * The {@code coroutine} library (manual §6.2) on virtual threads, installed
 * into every state (both profiles) through {@link LuaLibrary}.
 *
 * <p>Differences from the reference, by design: a yield may cross anything
 * (table.sort comparators, string.gsub callbacks, {@code __tostring}, Java
 * functions), so "attempt to yield across a C-call boundary" is raised only
 * while {@code coroutine.close} runs a coroutine's {@code __close} handlers,
 * a {@code load} reader runs or a debug hook function runs (as in the
 * reference), and {@code coroutine.isyieldable()} is true in every coroutine
 * but there. Nested resumes end in "C stack overflow" at the
 * reference's depth.
 */
public final class CoroutineLibrary implements LuaLibrary {
    /**
     * A resume fails with "C stack overflow" when the resuming thread's C-call
     * nesting ({@link LuaThread#ccalls}) has reached this: calibrated so that
     * nested resumes reach the reference's depth (197 from a main chunk).
     */
    static final int MAX_RESUME_CCALLS = LuaThread.MAX_CCALLS - 1;

    public CoroutineLibrary() {}

    @Override
    public void install(LuaState L, Profile profile) {
        // the state's Hosting, looked up once: Hosting.of is a map lookup, and create is hot
        Hosting hosting = Hosting.of(L);
        LuaTable co = new LuaTable();
        reg(co, "create", (th, a) -> ret(create(th, Args.checkFunction(th, a, 1), L, hosting)));
        reg(co, "resume", (th, a) -> {
            LuaThreadHandle h = checkThread(th, a, 1);
            return resume(th, h, rest(a));
        });
        // a subclass rather than a lambda: one Java frame less on every suspended coroutine's stack
        co.rawset("yield", new JavaFunction("coroutine.yield") {
            @Override
            protected Object[] call(LuaThread th, Object[] args) {
                if (th instanceof CoThread c) return c.yield(args);
                throw th.raise("attempt to yield from outside a coroutine");
            }
        });
        reg(co, "status", (th, a) -> ret(status(th, checkThread(th, a, 1))));
        reg(co, "running", (th, a) -> {
            if (th instanceof CoThread c) return ret(c.handle(), Boolean.FALSE);
            return ret(th, th == th.state.mainThread);
        });
        reg(co, "isyieldable", (th, a) -> {
            LuaThread t = a.length == 0 ? th : checkThread(th, a, 1).luaThread();
            return ret(t instanceof CoThread c && !c.closing && c.noYield == 0);
        });
        reg(co, "wrap", (th, a) -> ret(wrap(create(th, Args.checkFunction(th, a, 1), L, hosting))));
        reg(co, "close", (th, a) -> close(th, checkThread(th, a, 1)));
        L.globals.rawset("coroutine", co);
        if (L.globals.rawget("package") instanceof LuaTable pkg && pkg.rawget("loaded") instanceof LuaTable loaded) {
            loaded.rawset("coroutine", co);
        }
    }

    /** a[1..]: the values resume passes on (small counts copied by hand: cheaper than an arraycopy call). */
    private static Object[] rest(Object[] a) {
        switch (a.length) {
            case 0, 1: return LuaFunction.NONE;
            case 2: return new Object[] {a[1]};
            case 3: return new Object[] {a[1], a[2]};
            default: return java.util.Arrays.copyOfRange(a, 1, a.length);
        }
    }

    /** true followed by v (the results of a resume that did not fail). */
    private static Object[] trueAnd(Object[] v) {
        switch (v.length) {
            case 0: return new Object[] {Boolean.TRUE};
            case 1: return new Object[] {Boolean.TRUE, v[0]};
            case 2: return new Object[] {Boolean.TRUE, v[0], v[1]};
            default: {
                Object[] out = new Object[v.length + 1];
                out[0] = Boolean.TRUE;
                System.arraycopy(v, 0, out, 1, v.length);
                return out;
            }
        }
    }

    private static void reg(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("coroutine." + name, body));
    }

    private static LuaThreadHandle checkThread(LuaThread th, Object[] a, int i) {
        if (i <= a.length && a[i - 1] instanceof LuaThreadHandle h) return h;
        throw Args.typeError(th, a, i, "thread");
    }

    static Reaper reaper(LuaState L) {
        return Hosting.of(L).reaper;
    }

    // ---------------------------------------------------------------- observability

    /**
     * Coroutine threads of this state that exist now: started, and neither
     * ended (returned, failed, closed, or released because unreachable) nor
     * collected by the JVM together with their unreachable handle.
     */
    public static long liveThreads(LuaState L) {
        return reaper(L).live();
    }

    /** Counters of this state's coroutine threads: started, ended, of those released as unreachable, collected. */
    public static long[] threadCounters(LuaState L) {
        Reaper r = reaper(L);
        return new long[] {r.started.get(), r.finished.get(), r.killed.get(), r.collected.get()};
    }

    /**
     * Releases the threads of this state's unreachable suspended coroutines
     * now (otherwise done at the next create or resume). Call it on the thread
     * that runs the state, while no Lua code of the state runs elsewhere.
     */
    public static void releaseUnreachable(LuaState L) {
        Reaper r = reaper(L);
        if (r.pending()) r.drain();
    }

    // ---------------------------------------------------------------- operations (on the calling Lua thread)

    /** coroutine.create: a new suspended coroutine running fn; it inherits th's debug hook, as in the reference. */
    public static Coroutine create(LuaThread th, LuaFunction fn) {
        return create(th, fn, th.state, Hosting.of(th.state));
    }

    /** create given the Hosting of state L, the library's (looked up again when th is another state's). */
    private static Coroutine create(LuaThread th, LuaFunction fn, LuaState L, Hosting hosting) {
        Hosting h = L == th.state ? hosting : Hosting.of(th.state);
        Reaper r = h.reaper;
        if (r.pending()) r.drain();
        th.state.gc().charge(org.luahost.vm.Gc.THREAD);   // its objects and its virtual thread's stack (an estimate)
        Coroutine c = CoThread.create(th.state, fn, h);
        c.co.inheritHook(th);
        return c;
    }

    /** Why co cannot be resumed from th now, or null when it can. */
    private static String cannotResume(LuaThread th, LuaThreadHandle h) {
        if (!(h instanceof Coroutine c) || c.co.state != th.state) return "cannot resume non-suspended coroutine";
        CoThread co = c.co;
        if (co.status == CoThread.DEAD) return "cannot resume dead coroutine";
        if (co.status == CoThread.ACTIVE) return "cannot resume non-suspended coroutine";
        if (th.ccalls >= MAX_RESUME_CCALLS) return "C stack overflow";
        return null;
    }

    /**
     * Runs a resumable coroutine until it yields, returns or fails; updates
     * its status and returns the outcome ({@link Baton#YIELDED},
     * {@link Baton#RETURNED}, or {@link Baton#ERROR} with the error in
     * {@code co.errorValue}). A Java exception in the coroutine is rethrown.
     */
    private static int run(LuaThread th, Coroutine h, Object[] args) {
        CoThread co = h.co;
        Reaper r = co.reaper;
        if (r.pending()) r.drain();
        Threads.setCcalls(co, th.ccalls + 1);
        co.status = CoThread.ACTIVE;
        int outcome = co.transfer(th, h, Baton.RUN, args);
        switch (outcome) {
            case Baton.YIELDED -> co.status = CoThread.SUSPENDED;
            case Baton.RETURNED -> co.status = CoThread.DEAD;
            case Baton.ERROR, Baton.ERROR_AT_TBC -> {
                co.status = CoThread.DEAD;
                co.errorPending = true;
                co.errorValue = co.takeValue();
                co.waitingAtTbc = outcome == Baton.ERROR_AT_TBC;
                outcome = Baton.ERROR;
            }
            case Baton.THROWN -> {
                co.status = CoThread.DEAD;
                throw sneaky(co.takeThrown());
            }
            default -> throw new IllegalStateException("coroutine outcome " + outcome);
        }
        return outcome;
    }

    /** coroutine.resume: (true, values...) or (false, error). */
    public static Object[] resume(LuaThread th, LuaThreadHandle h, Object[] args) {
        String why = cannotResume(th, h);
        if (why != null) return ret(Boolean.FALSE, why);
        Coroutine c = (Coroutine) h;
        int outcome = run(th, c, args);
        if (outcome == Baton.ERROR) return ret(Boolean.FALSE, c.co.errorValue);
        Object[] v = c.co.takeValues();
        return trueAnd(v == null ? LuaFunction.NONE : v);
    }

    /** coroutine.status of h as seen from th. */
    public static String status(LuaThread th, LuaThreadHandle h) {
        LuaThread t = h.luaThread();
        if (t == th) return "running";
        if (!(t instanceof CoThread co)) return "normal";
        return switch (co.status) {
            case CoThread.NEW, CoThread.SUSPENDED -> "suspended";
            case CoThread.ACTIVE -> "normal";
            default -> "dead";
        };
    }

    /** coroutine.wrap: a function that resumes the coroutine and raises its errors. */
    static JavaFunction wrap(Coroutine h) {
        return new JavaFunction("?") {
            @Override
            protected Object[] call(LuaThread th, Object[] a) {
                Object err = cannotResume(th, h);
                if (err == null) {
                    int outcome = run(th, h, a);
                    if (outcome != Baton.ERROR) {
                        Object[] v = h.co.takeValues();
                        return v == null ? LuaFunction.NONE : v;
                    }
                    // an error in the coroutine: close it (its pending __close run with the error) and propagate
                    Object[] c = close(th, h);
                    err = c.length > 1 ? c[1] : null;
                }
                if (err instanceof String s) err = th.where(1) + s;
                throw th.raise(err);
            }
        };
    }

    /** coroutine.close: true, or false and the error the coroutine died with (or a __close raised). */
    public static Object[] close(LuaThread th, LuaThreadHandle h) {
        LuaThread t = h.luaThread();
        if (!(t instanceof CoThread co) || co.status == CoThread.ACTIVE) {
            throw th.errorAtLevel(t == th ? "cannot close a running coroutine" : "cannot close a normal coroutine", 1);
        }
        Coroutine c = (Coroutine) h;
        switch (co.status) {
            case CoThread.NEW -> {
                co.status = CoThread.DEAD;
                return ret(Boolean.TRUE);
            }
            case CoThread.SUSPENDED -> {
                co.closeSignal = new LuaError(null);
                return closeOnThread(th, c);
            }
            default -> {
                if (co.waitingAtTbc) return closeOnThread(th, c);
                if (co.errorPending) {
                    Object e = co.errorValue;
                    co.errorPending = false;
                    co.errorValue = null;
                    co.unwindTo(0);
                    return ret(Boolean.FALSE, e);
                }
                return ret(Boolean.TRUE);
            }
        }
    }

    /** Lets the coroutine's thread run its pending __close handlers and end. */
    private static Object[] closeOnThread(LuaThread th, Coroutine h) {
        CoThread co = h.co;
        co.closing = true;
        Threads.setProtectedFloor(co, co.protectedCount());
        Threads.setCcalls(co, th.ccalls + 1);
        co.status = CoThread.ACTIVE;
        int outcome = co.transfer(th, h, Baton.CLOSE, null);
        co.status = CoThread.DEAD;
        co.closing = false;
        co.waitingAtTbc = false;
        co.errorPending = false;
        co.errorValue = null;
        Threads.setProtectedFloor(co, 0);
        co.takeValues();
        return switch (outcome) {
            case Baton.CLOSED, Baton.RETURNED -> ret(Boolean.TRUE);
            case Baton.CLOSE_FAILED, Baton.ERROR -> ret(Boolean.FALSE, co.takeValue());
            case Baton.THROWN -> throw sneaky(co.takeThrown());
            default -> throw new IllegalStateException("coroutine close outcome " + outcome);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
