package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaTable;

/** The session contract: calls, errors, ordering, copying, timers, budgets, call cycles, stop. */
class SessionsTest {
    static Vertx vertx;
    static LuaHost host;
    static int counter;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().verticles(2).output(new PrintStream(new ByteArrayOutputStream())));
        get(host.ready());
    }

    @AfterAll
    static void down() throws Exception {
        get(host.close());
        get(vertx.close());
    }

    /**
     * Writes a dump of every thread, virtual threads included, to
     * target/thread-dumps/ (so that a hang on a CI machine can be diagnosed);
     * returns where it went.
     */
    static String dumpThreads() {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "thread-dumps");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path file = dir.resolve("dump-" + System.nanoTime() + ".txt").toAbsolutePath();
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return "thread dump in " + file;
        } catch (Exception x) {
            return "no thread dump: " + x;
        }
    }

    static <T> T get(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer in 20 s; " + dumpThreads(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    static SessionException failure(Future<?> f) throws Exception {
        try {
            get(f);
        } catch (SessionException e) {
            return e;
        }
        fail("expected a failure");
        return null;
    }

    /** A fresh session id and session running code. */
    static Session start(String code, SessionOptions opts) throws Exception {
        return get(host.session("t" + (++counter), Script.of("s.lua", code), opts));
    }

    static Session start(String code) throws Exception { return start(code, new SessionOptions()); }

    @Test
    void callReturnsResultsAndErrorsCarryTracebacks() throws Exception {
        Session s = start("""
                function add(a, b) return a + b, 'sum' end
                local function inner() error('boom') end
                function bad() inner() end
                """);
        assertArrayEquals(new Object[] {5L, "sum"}, get(s.call("add", 2, 3L)));
        SessionException e = failure(s.call("bad"));
        assertEquals(SessionException.Kind.LUA_ERROR, e.kind());
        assertEquals("s.lua:2: boom", e.getMessage());
        assertNotNull(e.luaTraceback());
        assertTrue(e.luaTraceback().contains("in function 'bad'") || e.luaTraceback().contains("s.lua:3"), e.luaTraceback());
        // the session keeps serving
        assertArrayEquals(new Object[] {1.5, "sum"}, get(s.call("add", 1, 0.5)));
        assertEquals(SessionException.Kind.NO_SUCH_FUNCTION, failure(s.call("nope")).kind());
        SessionStats st = s.stats();
        assertEquals(2, st.errors());
        assertTrue(st.handled() >= 4);
    }

    @Test
    void startErrorsFailTheSession() throws Exception {
        SessionException e = failure(host.session("broken", Script.of("b.lua", "x = = 1"), new SessionOptions()));
        assertTrue(e.getMessage().startsWith("b.lua:1:"), e.getMessage());
        assertEquals(null, host.find("broken"));
        e = failure(host.session("broken2", Script.of("b.lua", "error('at start')"), new SessionOptions()));
        assertEquals("b.lua:1: at start", e.getMessage());
    }

    @Test
    void perSenderFifoWithoutLossOrDuplication() throws Exception {
        Session s = start("""
                last, count, bad = {}, 0, 0
                function on_message(from, sender, seq)
                  if (last[sender] or 0) + 1 ~= seq then bad = bad + 1 end
                  last[sender] = seq
                  count = count + 1
                end
                function result() return count, bad end
                """);
        int senders = 8, perSender = 2000;
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < senders; k++) {
            long sender = k;
            threads.add(Thread.ofPlatform().start(() -> {
                for (long i = 1; i <= perSender; i++) s.send(sender, i);
            }));
        }
        for (Thread t : threads) t.join();
        Object[] r = get(s.call("result"));
        assertEquals((long) senders * perSender, r[0]);
        assertEquals(0L, r[1]);
    }

    @Test
    void sessionsShareNothingAndSentTablesAreCopied() throws Exception {
        String code = """
                counter = 0
                function bump() counter = counter + 1 return counter end
                got = nil
                function on_message(from, t) got = t end
                function check()
                  return got.self == got, got.a == got.b, got.a.x, from
                end
                function sendTo(id)
                  local shared = {x = 1}
                  local t = {a = shared, b = shared}
                  t.self = t
                  host.send(id, t)
                  shared.x = 99      -- after sending: the receiver keeps its copy
                  return true
                end
                function sendFunction(id) host.send(id, {f = print}) end
                """;
        Session a = start(code), b = start(code);
        get(a.call("bump"));
        get(a.call("bump"));
        assertArrayEquals(new Object[] {1L}, get(b.call("bump")));
        get(a.call("sendTo", b.id()));
        Object[] r = get(b.call("check"));
        assertEquals(true, r[0]);
        assertEquals(true, r[1]);
        assertEquals(1L, r[2]);
        SessionException e = failure(a.call("sendFunction", b.id()));
        assertTrue(e.getMessage().contains("cannot send a function value"), e.getMessage());
        // Java values are copied too: changing the table after the call changes nothing in the session
        LuaTable t = new LuaTable();
        t.rawset(1L, "x");
        get(a.call("on_message", null, t));
        t.rawset(1L, "y");
        Session c = start("function f() return {1, {2}} end");
        Object[] res = get(c.call("f"));
        assertInstanceOf(LuaTable.class, res[0]);
    }

    @Test
    void timersFireAndCancel() throws Exception {
        Session s = start("""
                fired, ticks = {}, 0
                function arm()
                  host.after(10, function() fired[#fired + 1] = 'a' end)
                  local c = host.after(20, function() fired[#fired + 1] = 'cancelled' end)
                  c:cancel()
                  local e
                  e = host.every(5, function()
                    ticks = ticks + 1
                    if ticks == 3 then e:cancel() end
                  end)
                end
                function state() return #fired, fired[1], ticks end
                function nap(ms) local t = os.clock() host.sleep(ms) return 'woke' end
                """);
        get(s.call("arm"));
        // wait for the timers that must fire (a loaded machine may take its time), then give the cancelled ones
        // time past their due time (20 ms after arm) to show up if cancelling failed
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Object[] st;
        while (((Long) (st = get(s.call("state")))[0] < 1 || (Long) st[2] < 3) && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(100);
        assertArrayEquals(new Object[] {1L, "a", 3L}, get(s.call("state")));
        assertArrayEquals(new Object[] {"woke"}, get(s.call("nap", 20)));
    }

    @Test
    void cpuBudgetEndsOnlyThatTurn() throws Exception {
        Session s = start("""
                function spin() while true do end end
                function spinProtected() while true do pcall(function() while true do end end) end end
                function ok() return 'ok' end
                """, new SessionOptions().cpuBudget(Duration.ofMillis(200)));
        SessionException e = failure(s.call("spin"));
        assertEquals("s.lua:1: CPU budget exceeded (200 ms per turn)", e.getMessage());
        assertArrayEquals(new Object[] {"ok"}, get(s.call("ok")));
        e = failure(s.call("spinProtected"));
        assertTrue(e.getMessage().contains("CPU budget exceeded"), e.getMessage());
        assertArrayEquals(new Object[] {"ok"}, get(s.call("ok")));
    }

    @Test
    void memoryLimitFailsOnlyThatSession() throws Exception {
        String code = """
                t = {}
                function grow()
                  for i = 1, 1e9 do t[#t + 1] = string.rep('x', 100) .. i end
                end
                function reset() t = {} collectgarbage() return 'ok' end
                function size() return #t end
                """;
        Session s = start(code, new SessionOptions().memoryLimit(4 << 20).cpuBudget(Duration.ZERO));
        Session other = start("function ping() return 'pong' end");
        SessionException e = failure(s.call("grow"));
        assertEquals("not enough memory", e.getMessage());
        long n = (Long) get(s.call("size"))[0];
        assertTrue(n > 10_000 && n < 200_000, "entries when stopped: " + n);
        // the stats are the state's estimate at the end of the last turn (the reply comes before that end)
        long over = s.stats().memoryEstimate();
        assertTrue(over > 4 << 20 && over < 6 << 20, "estimate after the failure: " + over);
        assertArrayEquals(new Object[] {"pong"}, get(other.call("ping")));
        assertArrayEquals(new Object[] {"ok"}, get(s.call("reset")));
        get(s.call("size"));   // reset's turn has ended once the next call answers (its reply comes before its end)
        long after = s.stats().memoryEstimate();
        assertTrue(after < 1 << 20, "estimate after the data died: " + after);
    }

    @Test
    void callCycleFailsClearlyWithoutInterleaving() throws Exception {
        String code = """
                function ask(other, back) return host.call(other, 'relay', back) end
                function relay(back) return host.call(back, 'answer') end
                function answer() return 'answered by ' .. host.id() end
                """;
        Session a = start(code), b = start(code);
        SessionException e = failure(a.call("ask", b.id(), a.id()));
        assertTrue(e.getMessage().contains(a.id() + " -> " + b.id() + " -> " + a.id() + " is a cycle"), e.getMessage());
        // both keep serving
        assertArrayEquals(new Object[] {"answered by " + a.id()}, get(a.call("answer")));
        // with interleaving the chain works
        SessionOptions il = new SessionOptions().interleave(true);
        Session c = start(code, il), d = start(code, il);
        assertArrayEquals(new Object[] {"answered by " + c.id()}, get(c.call("ask", d.id(), c.id())));
    }

    @Test
    void callTimeoutIsALuaError() throws Exception {
        Session slow = start("function wait() host.sleep(2000) return 1 end");
        Session s = start("function ask(id) return host.call(id, 'wait') end",
                new SessionOptions().callTimeout(Duration.ofMillis(100)));
        SessionException e = failure(s.call("ask", slow.id()));
        assertTrue(e.getMessage().contains("host.call to '" + slow.id() + "' (wait) timed out after 100 ms"), e.getMessage());
    }

    @Test
    void turnsDoNotInterleaveByDefault() throws Exception {
        // slow waits (in steps of 5 ms) until fast has run or its time is up: without interleaving fast cannot run
        // meanwhile (200 ms is plenty to see it if it wrongly did); with interleaving fast runs during the wait,
        // however late a loaded machine gets to it (up to 10 s)
        String code = """
                log, fastRan = {}, false
                function slow(ms)
                  log[#log + 1] = 'slow begins'
                  for i = 1, ms // 5 do if fastRan then break end host.sleep(5) end
                  log[#log + 1] = 'slow ends'
                end
                function fast() fastRan = true log[#log + 1] = 'fast' end
                function result() return table.concat(log, ', ') end
                """;
        Session s = start(code);
        Future<Object[]> f1 = s.call("slow", 200L);
        Thread.sleep(20);
        Future<Object[]> f2 = s.call("fast");
        get(f1);
        get(f2);
        assertEquals("slow begins, slow ends, fast", get(s.call("result"))[0]);
        Session t = start(code, new SessionOptions().interleave(true));
        f1 = t.call("slow", 10_000L);
        Thread.sleep(20);
        f2 = t.call("fast");
        get(f1);
        get(f2);
        assertEquals("slow begins, fast, slow ends", get(t.call("result"))[0]);
    }

    @Test
    void luaCallsAndSendsBetweenSessions() throws Exception {
        String code = """
                inbox = {}
                function on_message(from, ...) inbox[#inbox + 1] = from .. ':' .. table.concat({...}, ',') end
                function greet(to) host.send(to, 'hi', 1, 2.5) return host.call(to, 'double', 21) end
                function double(x) return x * 2, host.id() end
                function fail() error({code = 7}) end
                function tryFail(id) local ok, e = pcall(host.call, id, 'fail') return ok, type(e), e.code end
                function messages() return table.concat(inbox, ';') end
                """;
        Session a = start(code), b = start(code);
        assertArrayEquals(new Object[] {42L, b.id()}, get(a.call("greet", b.id())));
        assertEquals(a.id() + ":hi,1,2.5", get(b.call("messages"))[0]);
        assertArrayEquals(new Object[] {false, "table", 7L}, get(a.call("tryFail", b.id())));
    }

    @Test
    void stopEndsTheSession() throws Exception {
        Session s = start("function f() return 1 end function quit() host.stop() return 'bye' end");
        assertArrayEquals(new Object[] {"bye"}, get(s.call("quit")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);   // it stops once the turn has ended
        while (host.find(s.id()) != null && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(null, host.find(s.id()));
        assertEquals(SessionException.Kind.STOPPED, failure(s.call("f")).kind());
        Session t = start("function f() return 1 end");
        get(t.stop());
        assertFalse(host.stats().stream().anyMatch(x -> x.id().equals(t.id())));
    }
}
