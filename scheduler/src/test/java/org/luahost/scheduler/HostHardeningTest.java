package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.scheduler.SessionsTest.failure;
import static org.luahost.scheduler.SessionsTest.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.Future;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luahost.coroutines.Async;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaState;

/**
 * Issue 13, the scheduler side: the attacks (a busy loop, a future that
 * never completes, 10,000 {@code host.every(1, f)} timers outrunning their
 * period, a loop starting sessions, a flood of messages) run while 100 other
 * sessions answer pings. Each attacking turn must end with the right Lua
 * error within its budget plus {@link #BOUND_MS}; the pings' p99 during the
 * attack must stay within 5x the quiet run's (floored at {@link #P99_FLOOR_MS},
 * so that a loaded machine does not make it a timing test: a loud sanity
 * bound, not a measurement); the host must close cleanly afterwards.
 */
class HostHardeningTest {
    /** What an attacking turn may take beyond its budget (generous: a shared, loaded machine). */
    static final long BOUND_MS = 5_000;
    /** The smallest quiet p99 the 5x bound is computed from. */
    static final double P99_FLOOR_MS = 100;

    Vertx vertx;
    LuaHost host;

    /** Java functions that misbehave, given to every session of the host. */
    static void javaFunctions(LuaState L) {
        L.setGlobal("never", Async.function("never", (th, a) -> new CompletableFuture<>()));
        L.setGlobal("throw_oom", JavaFunction.of("throw_oom", (th, a) -> {
            throw new OutOfMemoryError("Java heap space (simulated)");
        }));
        L.setGlobal("throw_java", JavaFunction.of("throw_java", (th, a) -> {
            throw new IllegalStateException("a bug in a Java function (simulated)");
        }));
        L.setGlobal("depth", JavaFunction.of("depth", (th, a) -> JavaFunction.ret((long) th.depth)));
        L.setGlobal("throw_soe", JavaFunction.of("throw_soe", (th, a) -> {
            throw new StackOverflowError();
        }));
    }

    @BeforeEach
    void up() throws Exception {
        vertx = Vertx.vertx();
        host = newHost(new HostOptions());
    }

    LuaHost newHost(HostOptions o) throws Exception {
        LuaHost h = LuaHost.create(vertx, o.verticles(2).output(new PrintStream(new ByteArrayOutputStream()))
                .defaultScript(Script.of("default.lua", "function on_message() end\nfunction ping(x) return x end\n"))
                .listener(new SessionListener() {
                    @Override public void created(Session s, LuaState L) { javaFunctions(L); }
                }));
        get(h.ready());
        return h;
    }

    @AfterEach
    void down() throws Exception {
        CloseReport r = get(host.close(Duration.ofSeconds(10)));
        assertTrue(r.clean(), "the host closes cleanly: " + r);
        get(vertx.close());
    }

    Session start(String id, String code, SessionOptions o) throws Exception {
        return get(host.session(id, Script.of(id + ".lua", code), o));
    }

    /** Runs attack while 100 sessions answer pings; checks the pings' p99 against the quiet run's. */
    void underPings(String name, ThrowingRunnable attack) throws Exception {
        try (PingLoad pings = new PingLoad(host, "ping", 100, 4)) {
            pings.measure(300);   // warm-up
            double[] quiet = pings.measure(1000);
            pings.begin();
            attack.run();
            double[] during = pings.end();
            double limit = 5 * Math.max(quiet[0], P99_FLOOR_MS);
            System.err.printf("%s: pings p99 quiet %.2f ms (%d pings), under attack %.2f ms (%d pings)%n",
                    name, quiet[0], (long) quiet[1], during[0], (long) during[1]);
            assertTrue(during[1] > 0, name + ": pings were answered during the attack");
            assertTrue(during[0] <= limit, name + ": pings p99 " + during[0] + " ms under attack, quiet " + quiet[0] + " ms");
            assertEquals(0, pings.failures, name + ": failed pings: " + pings.lastFailure);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

    // ================================================================ the attacks under load

    @Test
    void attacksWhileOtherSessionsAnswerPings() throws Exception {
        underPings("busy loop", () -> {
            Session s = start("busy", "function run() while true do end end", new SessionOptions().cpuBudget(Duration.ofMillis(500)));
            long t0 = System.nanoTime();
            SessionException e = failure(s.call("run"));
            assertEquals(Kind.LUA_ERROR, e.kind());
            assertTrue(e.getMessage().contains("CPU budget exceeded"), e.getMessage());
            assertTrue(ms(t0) < 500 + BOUND_MS, "ended after " + ms(t0) + " ms");
        });
        underPings("never-completing future", () -> {
            Session s = start("waiter", "function run() return never() end\nfunction ok() return 7 end",
                    new SessionOptions().awaitTimeout(Duration.ofMillis(500)));
            long t0 = System.nanoTime();
            SessionException e = failure(s.call("run"));
            assertEquals(Kind.LUA_ERROR, e.kind());
            assertTrue(e.getMessage().contains("timeout (no result after 500 ms"), e.getMessage());
            assertTrue(ms(t0) < 500 + BOUND_MS, "ended after " + ms(t0) + " ms");
            assertEquals(7L, get(s.call("ok"))[0]);   // the session serves its next message
        });
        underPings("10,000 host.every(1, f) outrunning their period", () -> {
            Session s = start("timers", """
                    ticks = 0
                    function f() ticks = ticks + 1 local x = 0 for i = 1, 3000 do x = x + i end end
                    function arm(n) for i = 1, n do host.every(1, f) end end
                    function count() return ticks end
                    """, new SessionOptions().maxTimers(10_000));
            get(s.call("arm", 10_000));
            long most = 0;
            for (int i = 0; i < 20; i++) {
                Thread.sleep(100);
                most = Math.max(most, s.stats().mailbox());
            }
            // coalesced: at most one pending tick per timer, never a backlog that grows without end
            assertTrue(most <= 10_000 + 10, "mailbox " + most);
            assertTrue((long) get(s.call("count"))[0] > 0);
            get(s.stop());
        });
        underPings("a loop starting sessions", () -> {
            Session s = start("spawner", "function run() for i = 1, 1000000 do host.send('spawn' .. i, 'x') end end",
                    new SessionOptions());
            long before = host.stats().size();
            SessionException e = failure(s.call("run"));
            assertEquals(Kind.LUA_ERROR, e.kind());
            assertTrue(e.getMessage().contains("may start at most 100 sessions per turn"), e.getMessage());
            assertTrue(host.stats().size() <= before + 100, host.stats().size() + " sessions");
        });
        underPings("a flood of messages to a slow session", () -> {
            LuaHost h = host;
            start("slow", "function on_message() host.sleep(1) end", new SessionOptions());
            Session flooder = start("flooder", "function run() for i = 1, 1000000 do host.send('slow', i) end end",
                    new SessionOptions().cpuBudget(Duration.ofSeconds(30)));
            SessionException e = failure(flooder.call("run"));
            assertTrue(e.getMessage().contains("the mailbox of session 'slow' is full"), e.getMessage());
            get(h.kill("slow", "test"));
        });
    }

    // ================================================================ each rule on its own

    @Test
    void javaExceptionsAndErrorsEndTheTurnNotTheSession() throws Exception {
        Session s = start("boundary", """
                function oom() throw_oom() end
                function oom_in_pcall() return pcall(throw_oom) end
                function java() throw_java() end
                function soe() throw_soe() end
                function ok(x) return x end
                """, new SessionOptions());
        for (int i = 0; i < 3; i++) {
            SessionException e = failure(s.call("oom"));
            assertEquals(Kind.LUA_ERROR, e.kind());
            assertEquals("not enough memory", e.getMessage());
            assertEquals(1L, get(s.call("ok", 1L))[0]);
            // pcall catches a memory error, as lua5.4's does (false, "not enough memory")
            Object[] caught = get(s.call("oom_in_pcall"));
            assertEquals(Boolean.FALSE, caught[0]);
            assertTrue(String.valueOf(caught[1]).contains("not enough memory"), String.valueOf(caught[1]));
            assertEquals(Kind.INTERNAL, failure(s.call("java")).kind());
            assertEquals(2L, get(s.call("ok", 2L))[0]);
            SessionException soe = failure(s.call("soe"));   // the VM's protected call makes it "stack overflow"
            assertEquals(Kind.LUA_ERROR, soe.kind());
            assertTrue(soe.getMessage().contains("stack overflow"), soe.getMessage());
            assertEquals(3L, get(s.call("ok", 3L))[0]);
        }
        // the main thread's stack is put back each time: the Lua stack depth seen by a Java function is the
        // same after 20 escapes from 100 frames deep as before
        Session d = start("depth", """
                function oom_at(n) if n == 0 then throw_oom() end return 1 + oom_at(n - 1) end
                function depth_now() return depth() end
                """, new SessionOptions());
        Object before = get(d.call("depth_now"))[0];
        for (int i = 0; i < 20; i++) assertEquals("not enough memory", failure(d.call("oom_at", 100L)).getMessage());
        assertEquals(before, get(d.call("depth_now"))[0]);
    }

    @Test
    void killStopsARunawayTurnAndTheNextMessageStartsItAgain() throws Exception {
        Session s = start("runaway", "n = 0\nfunction run() n = n + 1 while true do end end\nfunction get() return n end",
                new SessionOptions().cpuBudget(Duration.ZERO));
        var call = s.call("run");
        Thread.sleep(200);
        long t0 = System.nanoTime();
        get(s.kill("operator"));
        SessionException e = failure(call);
        assertTrue(e.getMessage().contains("session killed (operator)"), e.getMessage());
        assertTrue(ms(t0) < BOUND_MS);
        assertEquals(null, host.find("runaway"));
        // a wait that would last forever is interrupted too
        Session w = start("waits", "function run() return never() end", new SessionOptions().awaitTimeout(Duration.ZERO));
        var waiting = w.call("run");
        Thread.sleep(200);
        get(host.kill("waits", "operator"));
        assertEquals(Kind.LUA_ERROR, failure(waiting).kind());
    }

    @Test
    void osExitEndsOnlyItsSession() throws Exception {
        SessionOptions trusted = new SessionOptions().profile(org.luahost.vm.Profile.TRUSTED);
        Session s = start("exiter", "function bye() pcall(os.exit, 3) return 'not reached' end", trusted);
        Session other = start("other", "function ping(x) return x end", trusted);
        SessionException e = failure(s.call("bye"));
        assertEquals(Kind.STOPPED, e.kind());
        assertTrue(e.getMessage().contains("ended itself with os.exit(3)"), e.getMessage());
        get(s.stop());
        assertEquals(null, host.find("exiter"));
        assertEquals(5L, get(other.call("ping", 5L))[0]);
    }

    @Test
    void mailboxesAreBounded() throws Exception {
        LuaHost h = newHost(new HostOptions().mailboxLimit(5));
        try {
            Session slow = get(h.session("slow", Script.of("slow.lua", "function on_message() host.sleep(300) end"),
                    new SessionOptions()));
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    slow.send(i);
                } catch (SessionException x) {
                    assertEquals(Kind.OVERLOADED, x.kind());
                    refused++;
                }
            }
            assertTrue(refused >= 20 - 6, refused + " refused");
        } finally {
            get(h.close(Duration.ofSeconds(10)));
        }
    }

    /**
     * Session 16: a mailbox was bounded in messages only. A client that kept
     * a session busy and sent it 1 MB bodies queued 6 GB (the heap filled,
     * OutOfMemoryError hit the event loops and the acceptor, SIGTERM no longer
     * ended the process). Now a session's mailbox holds at most its memory
     * limit in bytes and all mailboxes together at most the host's bound.
     */
    @Test
    void mailboxesAreBoundedInBytesPerSessionAndForTheHost() throws Exception {
        LuaHost h = newHost(new HostOptions().mailboxBytes(30L << 20));
        try {
            String mb = "x".repeat(1 << 20);
            SessionOptions eight = new SessionOptions().memoryLimit(8L << 20);
            String busy = "function on_message() end\nfunction nap(ms) host.sleep(ms) return true end\n";
            Session a = get(h.session("a", Script.of("a.lua", busy), eight));
            Future<Object[]> napping = a.call("nap", 3000L);
            int refused = 0;
            String refusal = "";
            for (int i = 0; i < 20; i++) {
                try {
                    a.send(mb + i);
                } catch (SessionException x) {
                    assertEquals(Kind.OVERLOADED, x.kind());
                    refused++;
                    refusal = x.getMessage();
                }
            }
            // 1 MB strings weigh a little more than 1 MB: 7 fit in 8 MB
            assertTrue(refused >= 12 && refused <= 14, refused + " refused");
            assertTrue(refusal.startsWith("the mailbox of session 'a' is full (") && refusal.contains("memory limit of 8.0 MB"), refusal);
            // the host's bound: four more busy sessions with 7 MB waiting each pass 30 MB in all
            String hostRefusal = "";
            int hostRefused = 0;
            for (int k = 0; k < 4; k++) {
                Session b = get(h.session("b" + k, Script.of("b.lua", busy), eight));
                b.call("nap", 3000L);
                for (int i = 0; i < 7; i++) {
                    try {
                        b.send(mb + i);
                    } catch (SessionException x) {
                        assertEquals(Kind.OVERLOADED, x.kind());
                        hostRefused++;
                        hostRefusal = x.getMessage();
                    }
                }
            }
            assertTrue(hostRefused >= 5, hostRefused + " refused by the host's bound");
            assertTrue(hostRefusal.startsWith("the host's mailboxes are full ("), hostRefusal);
            // what was taken out of the mailboxes is counted out: once the naps end, the same sends are admitted
            assertEquals(true, get(napping)[0]);
            get(a.call("nap", 0L));
            for (int i = 0; i < 7; i++) a.send(mb + i);
            get(a.call("nap", 0L));
        } finally {
            get(h.close(Duration.ofSeconds(10)));
        }
    }

    /**
     * Session 16: values that come in a message or call were charged to the
     * receiving state only at its next collection: an on_message that kept
     * what it was sent held 488 MB under a 64 MB limit. Now they are charged
     * when the turn begins and a turn that would pass the limit fails with
     * "not enough memory" before its handler runs.
     */
    @Test
    void valuesThatArriveAreChargedToTheReceiversMemoryLimit() throws Exception {
        Session keeper = start("keeper", "kept = {}\nfunction on_message(from, s) kept[#kept + 1] = s end\n"
                + "function keep(t) kept[#kept + 1] = t return #kept end\nfunction count() return #kept end\n",
                new SessionOptions().memoryLimit(8L << 20));
        String three = "y".repeat(3 << 20);
        for (int i = 0; i < 5; i++) {
            keeper.send(three + i);
            get(keeper.call("count"));   // one at a time: the mailbox's own bound plays no part
        }
        assertEquals(2L, get(keeper.call("count"))[0]);
        // a table argument of a call: its entries count too
        org.luahost.vm.LuaTable big = new org.luahost.vm.LuaTable();
        for (int i = 1; i <= 200_000; i++) big.rawset((long) i, "entry number " + i);
        SessionException x = failure(keeper.call("keep", (Object) big));
        assertTrue(x.getMessage().contains("not enough memory"), x.getMessage());
        assertEquals(2L, get(keeper.call("count"))[0]);
    }

    /**
     * Session 16: host.push handed the value to every subscriber (the
     * gateway's WebSocket clients, each encoding and writing it) inside one
     * library call and charged the time after it: one push of 3.9 MB to 300
     * clients held a carrier about 100 s under a 1 s budget. Now the push is
     * charged after each subscriber: here 200 subscribers taking 20 ms each
     * (4 s in all), and the push ends with the budget error near the 1 s
     * budget, before the last subscribers got it.
     */
    @Test
    void aPushToManySubscribersIsChargedAsItGoes() throws Exception {
        Session s = start("pusher", "function push() host.push('v') return true end\n",
                new SessionOptions().cpuBudget(Duration.ofSeconds(1)));
        java.util.concurrent.atomic.AtomicInteger got = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<AutoCloseable> subs = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            subs.add(host.subscribe("pusher", v -> {
                got.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        try {
            long t0 = System.nanoTime();
            SessionException x = failure(s.call("push"));
            long ms = ms(t0);
            assertTrue(x.getMessage().contains("CPU budget exceeded"), x.getMessage());
            assertTrue(got.get() < 200, got.get() + " subscribers got the push");
            assertTrue(ms < 1000 + BOUND_MS / 2, "the push ended after " + ms + " ms");
        } finally {
            for (AutoCloseable c : subs) c.close();
        }
    }

    /**
     * Session 16: a session killed while its main chunk ran failed its start
     * as a Lua error, so the calls that started it were told LUA_ERROR (the
     * gateway's 500) where a session killed later is STOPPED (503); found by
     * calling and killing sessions concurrently against a real serve.
     */
    @Test
    void aSessionKilledWhileItStartsIsStoppedNotFailed() throws Exception {
        Future<Session> starting = host.session("slowstart", Script.of("slowstart.lua", "while true do end\n"),
                new SessionOptions().cpuBudget(Duration.ofSeconds(60)));
        Thread.sleep(300);
        get(host.kill("slowstart", "killed by the test"));
        SessionException x = failure(starting);
        assertEquals(Kind.STOPPED, x.kind(), x.getMessage());
        assertTrue(x.getMessage().contains("session killed (killed by the test)"), x.getMessage());
    }

    @Test
    void hostCeilingRefusesNewSessions() throws Exception {
        LuaHost h = newHost(new HostOptions().maxSessions(2));
        try {
            get(h.session("a"));
            get(h.session("b"));
            SessionException e = failure(h.session("c"));
            assertEquals(Kind.OVERLOADED, e.kind());
            assertTrue(e.getMessage().contains("maximum of 2 live sessions"), e.getMessage());
            get(h.stop("a"));
            get(h.session("c"));
        } finally {
            get(h.close(Duration.ofSeconds(10)));
        }
        LuaHost low = newHost(new HostOptions().heapCeiling(1e-6));
        try {
            SessionException e = failure(low.session("x"));
            assertEquals(Kind.OVERLOADED, e.kind());
            assertTrue(e.getMessage().contains("short of memory"), e.getMessage());
        } finally {
            get(low.close(Duration.ofSeconds(10)));
        }
    }

    @Test
    void sessionStartsAreLimitedPerSecondAcrossTurns() throws Exception {
        // each turn starts 5 (under the per-turn 10), a timer every millisecond: before, 1,000 sessions a second.
        // A maximum of 10 (not the default 100) so that even a machine at load 40 starts sessions faster than the
        // bucket refills (with 100 a second the test flaked there: the ticker never outran the refill); the
        // ticker goes on until it is refused or 30 s have passed
        Session s = start("ticker", """
                n, refused = 0, nil
                function go() host.every(1, function()
                  for i = 1, 5 do
                    local ok, e = pcall(host.send, 'kid' .. (n + 1), 'x')
                    if not ok then refused = refused or e return end
                    n = n + 1
                  end
                end) end
                function get() return n, refused end
                """, new SessionOptions().maxNewSessionsPerTurn(10));
        long before = host.stats().size();
        long t0 = System.nanoTime();
        get(s.call("go"));
        Object[] r;
        do {
            Thread.sleep(500);
            r = get(s.call("get"));
        } while (r[1] == null && ms(t0) < 30_000);
        long secs = Math.max(1, (System.nanoTime() - t0) / 1_000_000_000L + 1);
        assertTrue((long) r[0] <= 10 * (secs + 1), r[0] + " sessions started in about " + secs + " s");
        assertTrue(String.valueOf(r[1]).contains("session 'ticker' may start at most 10 sessions per second"), String.valueOf(r[1]));
        assertTrue(host.stats().size() <= before + 10 * (secs + 1), host.stats().size() + " sessions");
    }

    /**
     * Sessions that a session starts with host.send or host.call follow the
     * gateway's rule for ids (found against a real serve, hard13): before,
     * Lua could start sessions named '', 'a\0b', a megabyte long, with a
     * newline that went into the log as it was, or 'http', whose messages
     * reach other sessions as the gateway's anonymous sender. Each is now
     * refused with the gateway's reason and no session starts. (Fails without
     * the fix: the sends succeeded.)
     */
    @Test
    void sessionsStartedFromLuaHaveIdsTheGatewayWouldAccept() throws Exception {
        Session s = start("namer", "function send(id) host.send(id, 'x') end function call(id) return host.call(id, 'f') end",
                new SessionOptions());
        for (String id : new String[] {"", "a\0b", "a\nluahost: error: forged", "x".repeat(201), "http", "ws", "http:alice", "ws:bob"}) {
            for (String how : new String[] {"send", "call"}) {
                SessionException e = failure(s.call(how, id));
                assertTrue(e.getMessage().contains("cannot start session: "), how + " " + e.getMessage());
                assertTrue(host.stats().stream().noneMatch(st -> st.id().equals(id)), "no session '" + id + "'");
            }
        }
        get(s.call("send", "x".repeat(200)));   // 200 characters are fine
    }

    @Test
    void timersAreLimitedPerSession() throws Exception {
        Session s = start("many", "function arm(n) for i = 1, n do host.every(1000, function() end) end end",
                new SessionOptions().maxTimers(10));
        get(s.call("arm", 10L));
        assertTrue(failure(s.call("arm", 1L)).getMessage().contains("too many timers (at most 10 live"));
    }

    /**
     * collectgarbage() in a session is a Lua collection of that session's
     * state (weak entries cleared, finalizers run); it never asks the JVM for
     * a full collection of the whole host's heap (before: System.gc() on every
     * call, so one session looping over collectgarbage() stopped every
     * session's threads for a full collection, again and again).
     */
    @Test
    void collectgarbageInASessionDoesNotCollectTheHostsHeap() throws Exception {
        Session s = start("gc", """
                function gc(n)
                  local weak = setmetatable({}, {__mode = 'k'})
                  for i = 1, n do weak[{}] = i collectgarbage() end
                  return next(weak) == nil
                end""", new SessionOptions());
        long before = jvmCollections();
        Object[] r = get(s.call("gc", 200L));
        long jvm = jvmCollections() - before;
        assertEquals(true, r[0], "the Lua collections ran (weak entries cleared)");
        assertTrue(jvm < 50, jvm + " JVM collections for 200 calls of collectgarbage()");
    }

    static long jvmCollections() {
        long n = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionCount());
        return n;
    }

    /**
     * Options for the deep-stack tests: a 10 s time slice, so that the
     * session's virtual thread is not unmounted while deep. Under G1 (the
     * test JVM's collector; luahost runs the serial one, bin/jvm.options) a
     * virtual thread frozen deep in Lua calls may fail with
     * StackOverflowError: calls 5,000-20,000 deep answered "stack overflow"
     * at the 2 ms slice, with -Xss512m or -Xss1g alike, never with a 10 s
     * slice or -XX:+UseSerialGC (which AdmissionTest's heap readings do not
     * suit). That made deepRecursionCountsAgainstTheMemoryLimit flaky.
     */
    static SessionOptions deepStacks() { return new SessionOptions().timeSlice(Duration.ofSeconds(10)); }

    /**
     * A deep Lua stack counts against the session's memory limit, as the
     * reference's stack does against its allocator: each frame of the running
     * thread about 256 bytes (a parked virtual thread's frozen stack measured
     * 185-240 bytes per Lua call). Before: eight sessions waiting 190,000
     * calls deep held about 300 MB of heap while their charged memory was
     * 273 KB in all; recursion 150,000 deep in a session limited to 8 MB
     * returned normally.
     */
    @Test
    void deepRecursionCountsAgainstTheMemoryLimit() throws Exception {
        Session s = start("deep", """
                function go(n)
                  local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end
                  return pcall(f, n)
                end""", deepStacks().memoryLimit(8 << 20).cpuBudget(Duration.ofSeconds(60)));   // about memory: no CPU budget error under load
        Object[] r = get(s.call("go", 150_000L));
        assertEquals(false, r[0], "150,000 frames of about 256 bytes: over 8 MB");
        assertEquals("not enough memory", r[1]);
        r = get(s.call("go", 10_000L));
        assertEquals(true, r[0], "10,000 frames fit");
        assertEquals(10_000L, r[1]);
    }

    /**
     * A deep stack's unwinding is not metered (no work checks while an error
     * goes up through the frames): a turn spinning 190,000 calls deep under a
     * 1 s budget ran 1.3-2.9 s. The budget now reserves the unwinding (at
     * least 2 µs a call past 1,024 calls, Budget.unwindReserve), so the error
     * comes earlier the deeper the stack: under a 300 ms budget a recursion
     * fails before 150,000 calls (150,000 x 2 µs is the whole budget),
     * whatever the machine's speed, and never reaches its spinning bottom.
     */
    @Test
    void aDeepStackReservesItsUnwindingOutOfTheCpuBudget() throws Exception {
        Session s = start("deepcpu", """
                deepest, bottom = 0, false
                function spin(n)
                  local function f(k) if k > deepest then deepest = k end if k == n then bottom = true while true do end end
                    return 1 + f(k + 1) end
                  return f(1)
                end
                function seen() return deepest, bottom end""", deepStacks().memoryLimit(0).cpuBudget(Duration.ofMillis(300)));
        long c0 = s.stats().cpuNanos();
        SessionException e = failure(s.call("spin", 190_000L));
        assertTrue(e.getMessage().contains("CPU budget exceeded"), e.getMessage());
        Object[] r = get(s.call("seen"));
        assertTrue((Long) r[0] < 150_000 && r[1].equals(false), "stopped at " + r[0] + " calls, bottom reached: " + r[1]);
        long ms = (s.stats().cpuNanos() - c0) / 1_000_000;
        assertTrue(ms < 300 + BOUND_MS, "counted " + ms + " ms");
    }

    /**
     * Suspended coroutines' stacks count too: ten coroutines that each stop
     * just under the limit (30,000 calls, about 7.5 MB at 256 bytes a call)
     * and yield held about 77 MB of frozen stacks under an 8 MB limit. Now each
     * yield more than 1,024 calls deep charges its stack to the state (vm
     * Gc.parkedStackBytes) and a collection counts each reachable suspended
     * coroutine's stack, so the second coroutine already fails.
     */
    @Test
    void stacksOfSuspendedCoroutinesCountAgainstTheMemoryLimit() throws Exception {
        Session s = start("deepco", """
                function go(k, n)
                  held = {}
                  local function f(n) if n == 0 then coroutine.yield() return 0 end return 1 + f(n - 1) end
                  for i = 1, k do local c = coroutine.create(f) assert(coroutine.resume(c, n)) held[i] = c end
                  return #held
                end""", deepStacks().memoryLimit(8 << 20).cpuBudget(Duration.ofSeconds(60)));   // about memory: no CPU budget error under load
        assertEquals(1L, get(s.call("go", 1L, 20_000L))[0], "one coroutine parked 20,000 deep (about 5 MB) fits");
        SessionException e = failure(s.call("go", 10L, 30_000L));
        assertTrue(e.getMessage().contains("not enough memory"), e.getMessage());
        // each goes deep alone (1,500 calls, 384 KB of a 600 KB limit), comes back and is collected shallow; then all
        // go deep again: still charged (before, only a yield deeper than the coroutine's deepest was charged)
        Session c = start("cycle", """
                function go(k, n)
                  held = {}
                  local function f(m) if m == 0 then local back = coroutine.yield() if back then return 0 end
                    coroutine.yield() return 0 end return 1 + f(m - 1) end
                  local function body() while true do f(n) coroutine.yield() end end
                  for i = 1, k do
                    local co = coroutine.create(body)
                    assert(coroutine.resume(co))            -- deep, parked
                    assert(coroutine.resume(co, true))      -- back up, parked shallow
                    collectgarbage()
                    held[i] = co
                  end
                  for i = 1, k do assert(coroutine.resume(held[i])) end   -- all deep again
                  return k
                end""", deepStacks().memoryLimit(600 << 10).cpuBudget(Duration.ofSeconds(60)));
        e = failure(c.call("go", 10L, 1_500L));   // shallow: under G1 resuming a coroutine parked 5,000 deep overflowed
        assertTrue(e.getMessage().contains("not enough memory"), e.getMessage());
    }
}
