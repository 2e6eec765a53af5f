package org.luahost.scheduler.impl;

import java.util.concurrent.CompletableFuture;

import org.luahost.scheduler.SessionException;
import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;

/**
 * The {@code host} table every session gets: its id, messaging
 * ({@code send}, {@code call}), time ({@code sleep}, {@code after},
 * {@code every}), {@code push} to its WebSocket clients, {@code persist},
 * {@code stop}, {@code export} (what the gateway may call) and {@code log}.
 * The functions are shared by all sessions (they hold no state) and find
 * their session through the state's extension slot. The README documents
 * the Lua side.
 */
final class HostLibrary {
    private HostLibrary() {}

    private static SessionImpl session(LuaThread th) {
        SessionImpl s = th.state.extension(SessionImpl.class);
        if (s == null) throw th.raise("host functions work only inside a session");
        return s;
    }

    /**
     * Charges th the work of a host function that ran since t0 (its copies,
     * encodings, captures: one unit per 20 ns, the meter's scale), so that
     * the turn's budgets are checked at the next unit of work. Without it a
     * call was one unit, however long: {@code host.persist()} of a 20 MB
     * state 200 times in a loop (400 units, under the meter's 2,048) took
     * 16 s of CPU in a turn with a 1 s budget. Waits are not charged.
     */
    static void chargeTime(LuaThread th, long t0) {
        long units = (System.nanoTime() - t0) / 20;
        if (units > 0) th.charge((int) Math.min(units, 1 << 30));
    }

    private static final JavaFunction ID = JavaFunction.of("host.id", (th, a) -> JavaFunction.ret(session(th).id));

    private static final JavaFunction SEND = JavaFunction.of("host.send", (th, a) -> {
        String target = Args.checkString(th, a, 1);
        SessionImpl s = session(th);
        Object[] msg = java.util.Arrays.copyOfRange(a, 1, a.length);
        long t0 = System.nanoTime();
        try {
            s.host.sendFromLua(s, target, ValueCopy.copyAll(msg, "argument"));
        } catch (SessionException e) {
            throw th.errorAtLevel(e.getMessage(), 1);
        }
        chargeTime(th, t0);
        return LuaFunction.NONE;
    });

    private static final JavaFunction CALL = JavaFunction.of("host.call", (th, a) -> {
        String target = Args.checkString(th, a, 1);
        String fname = Args.checkString(th, a, 2);
        SessionImpl s = session(th);
        Object[] args = java.util.Arrays.copyOfRange(a, 2, a.length);
        CompletableFuture<Object[]> f;
        long t0 = System.nanoTime();
        try {
            f = s.host.callFromLua(s, target, fname, ValueCopy.copyAll(args, "argument"));
        } catch (SessionException e) {
            throw th.errorAtLevel(e.getMessage(), 1);
        }
        chargeTime(th, t0);
        return s.waits.await(th, f, s.waits.callTimeoutNanos(),
                "host.call to '" + LuaString.toJava(target) + "' (" + LuaString.toJava(fname) + ")");
    });

    private static final JavaFunction SLEEP = JavaFunction.of("host.sleep", (th, a) -> {
        long ms = Args.checkInteger(th, a, 1);
        SessionImpl s = session(th);
        // its own timeout, past the sleep: the host's default timeout of waits does not cut a long sleep short
        s.waits.await(th, s.timers.sleep(ms), java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms)) + 1_000_000_000L,
                "host.sleep");
        return LuaFunction.NONE;
    });

    private static final JavaFunction AFTER = JavaFunction.of("host.after", (th, a) -> timer(th, a, false, "after"));
    private static final JavaFunction EVERY = JavaFunction.of("host.every", (th, a) -> timer(th, a, true, "every"));

    private static Object[] timer(LuaThread th, Object[] a, boolean periodic, String name) {
        long ms = Args.checkInteger(th, a, 1);
        Args.checkFunction(th, a, 2);
        if (periodic && ms < 1) throw Args.argError(th, 1, "interval must be positive");
        SessionImpl s = session(th);
        int max = s.options.maxTimers();
        if (max > 0 && s.timers.live() >= max) {
            throw th.errorAtLevel("session '" + s.id + "' has too many timers (at most " + max
                    + " live; cancel some, or let them fire)", 1);
        }
        TimerHandle h = s.timers.add(ms, (LuaFunction) a[1], periodic);
        h.userdata = new LuaUserdata(h, timerMeta(s));
        return JavaFunction.ret(h.userdata);
    }

    private static final JavaFunction CANCEL = JavaFunction.of("cancel", (th, a) -> {
        if (a.length == 0 || !(a[0] instanceof LuaUserdata u) || !(u.payload() instanceof TimerHandle h)) {
            throw Args.typeError(th, a, 1, "timer");
        }
        return JavaFunction.ret(session(th).timers.cancel(h));
    });

    /**
     * The metatable of this session's timer handles: {@code __index = {cancel = ...}},
     * made once per state and kept in the registry (so that persistence knows
     * it as a host value, {@code @registry.luahost.timer}, and does not copy it).
     */
    private static LuaTable timerMeta(SessionImpl s) {
        return timerMeta(s.lua.L);
    }

    private static LuaTable timerMeta(LuaState L) {
        if (L.registry.rawget(SessionSaver.TIMER_CODEC) instanceof LuaTable t) return t;
        LuaTable methods = new LuaTable();
        methods.rawset("cancel", CANCEL);
        LuaTable mt = new LuaTable();
        mt.rawset("__index", methods);
        mt.rawset("__name", "timer");
        mt.rawset("__metatable", false);
        L.registry.rawset(SessionSaver.TIMER_CODEC, mt);
        return mt;
    }

    private static final JavaFunction PUSH = JavaFunction.of("host.push", (th, a) -> {
        long[] t0 = {System.nanoTime()};
        try {
            // charged after each client (encoding and writing to 300 clients once ran as one uncharged call)
            session(th).subscribers.push(a, () -> {
                chargeTime(th, t0[0]);
                t0[0] = System.nanoTime();   // a pause the meter made (a yield, the throttle) is not the push's work
            });
        } catch (SessionException e) {
            throw th.errorAtLevel(e.getMessage(), 1);
        }
        chargeTime(th, t0[0]);
        return LuaFunction.NONE;
    });

    private static final JavaFunction PERSIST = JavaFunction.of("host.persist", (th, a) -> {
        SessionImpl s = session(th);
        long t0 = System.nanoTime();
        CompletableFuture<Object[]> f = s.lifecycle.persist().thenApply(seq -> LuaFunction.NONE);   // captures now
        chargeTime(th, t0);
        s.waits.await(th, f, 0, "host.persist");
        return LuaFunction.NONE;
    });

    /** Where a state keeps its exports: a registry table from name to function (made by the script on each start, never saved). */
    static final String EXPORTS = "luahost.exports";

    /**
     * {@code host.export{name = fn, ...}}: makes these Lua functions callable
     * from outside the host's Java code (the gateway's call route), under
     * these names; {@code false} removes a name. Only functions written in
     * Lua, and never {@code on_message} (messages reach it by
     * {@code /send} and WebSocket frames, with the sender set by the gateway).
     * Returns nothing. The exports are not saved: the script makes them again
     * each time the session starts.
     */
    private static final JavaFunction EXPORT = JavaFunction.of("host.export", (th, a) -> {
        if (a.length == 0 || !(a[0] instanceof LuaTable names)) throw Args.typeError(th, a, 1, "table");
        LuaState L = session(th).lua.L;
        LuaTable exports = L.registry.rawget(EXPORTS) instanceof LuaTable t ? t : new LuaTable();
        Object[] kv = new Object[2];
        Object k = null;
        while (names.next(k, kv)) {
            k = kv[0];
            if (!(k instanceof String name)) throw th.errorAtLevel("host.export: names must be strings", 1);
            if (name.equals("on_message")) {
                throw th.errorAtLevel("host.export: on_message cannot be exported (messages reach it through /send and WebSocket frames)", 1);
            }
            if (kv[1] == Boolean.FALSE) {
                exports.rawset(name, null);
            } else if (kv[1] instanceof LuaFunction f && org.luahost.vm.Lua.isLuaFunction(f)) {
                exports.rawset(name, f);
            } else {
                throw th.errorAtLevel("host.export: '" + LuaString.toJava(name) + "' must be a function written in Lua, not a "
                        + (kv[1] instanceof LuaFunction ? "library function" : org.luahost.vm.Lua.typeName(kv[1])), 1);
            }
        }
        L.registry.rawset(EXPORTS, exports);
        return LuaFunction.NONE;
    });

    /** The function the state exported as name, or null. */
    static LuaFunction exported(LuaState L, String name) {
        return L.registry.rawget(EXPORTS) instanceof LuaTable t && t.rawget(name) instanceof LuaFunction f ? f : null;
    }

    /**
     * host.log(level, ...): the values after level, converted as print converts
     * them and separated by tabs, go to the host's log ({@link Log#SCRIPT})
     * at that level ("trace", "debug", "info", "warn" or "error"), prefixed
     * with the session id. A message counts in the session's output budget
     * ({@link SessionOutput}: dropped when over it).
     */
    private static final JavaFunction LOG = JavaFunction.of("host.log", (th, a) -> {
        int level = Args.checkOption(th, a, 1, null, "trace", "debug", "info", "warn", "error");
        SessionImpl s = session(th);
        org.slf4j.Logger log = Log.SCRIPT;
        boolean on = switch (level) {
            case 0 -> log.isTraceEnabled();
            case 1 -> log.isDebugEnabled();
            case 2 -> log.isInfoEnabled();
            case 3 -> log.isWarnEnabled();
            default -> log.isErrorEnabled();
        };
        if (!on) return LuaFunction.NONE;
        String[] parts = new String[a.length - 1];
        long bytes = Math.max(0, a.length - 2);   // the tabs
        for (int i = 1; i < a.length; i++) bytes += (parts[i - 1] = th.state.tostring(a[i])).length();
        // The budget is asked before the message is built, so a dropped message costs no copies: a loop of
        // dropped 1 KB messages used to allocate about 5 KB each, and young collections of the whole host
        // paid for it (20 sessions logging 20 MB each, all over their budget: the other sessions' p99 at 300 ms).
        if (!s.output.take(th, bytes)) return LuaFunction.NONE;   // over the session's output budget: dropped
        StringBuilder sb = new StringBuilder((int) Math.min(1 << 20, bytes + s.id.length() + 3)).append('[').append(s.id).append("] ");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) sb.append('\t');
            sb.append(LuaString.toJava(parts[i]));
        }
        String msg = sb.toString();
        switch (level) {
            case 0 -> log.trace(msg);
            case 1 -> log.debug(msg);
            case 2 -> log.info(msg);
            case 3 -> log.warn(msg);
            default -> log.error(msg);
        }
        return LuaFunction.NONE;
    });

    /**
     * host.caller(): who made the call being handled: the calling session's
     * id (host.call), the gateway's sender ("http", "http:NAME") or what
     * Java's LuaHost.callFrom named; nil for a call from Java without a name,
     * and outside a call (on_message gets its sender as an argument).
     */
    private static final JavaFunction CALLER = JavaFunction.of("host.caller", (th, a) -> {
        Turn t = session(th).turns.active;
        return JavaFunction.ret(t != null && t.env instanceof Envelope.Call c ? c.from() : null);
    });

    private static final JavaFunction STOP = JavaFunction.of("host.stop", (th, a) -> {
        session(th).lifecycle.requestStop();
        return LuaFunction.NONE;
    });

    /** Installs the global {@code host}; persistent: the state will be saved (the timer metatable is made now, before persistence indexes the host's values). */
    static void install(LuaState L, boolean persistent) {
        if (persistent) timerMeta(L);
        LuaTable host = new LuaTable();
        host.rawset("id", ID);
        host.rawset("send", SEND);
        host.rawset("call", CALL);
        host.rawset("sleep", SLEEP);
        host.rawset("after", AFTER);
        host.rawset("every", EVERY);
        host.rawset("push", PUSH);
        host.rawset("persist", PERSIST);
        host.rawset("stop", STOP);
        host.rawset("export", EXPORT);
        host.rawset("log", LOG);
        host.rawset("caller", CALLER);
        L.setGlobal("host", host);
    }
}
