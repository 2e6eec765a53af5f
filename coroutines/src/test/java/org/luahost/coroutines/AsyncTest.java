package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;

/** The bridge outside Vert.x: Lua waiting on Java futures, and Java calling Lua for a future. */
class AsyncTest {
    static final long DEADLINE_S = 60;

    static Object[] get(CompletableFuture<Object[]> f) throws Exception {
        try {
            return f.get(DEADLINE_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("the Lua call did not finish within " + DEADLINE_S + " s");
            return null;
        }
    }

    static Throwable failureOf(CompletableFuture<?> f) throws Exception {
        try {
            f.get(DEADLINE_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        fail("the future completed normally");
        return null;
    }

    LuaFunction load(LuaRun r, String src) { return r.L.load(src, "=test", "t", null); }

    @Test
    void luaReceivesTheValueOfAFutureCompletedLaterByAnotherThread() throws Exception {
        LuaRun r = new LuaRun();
        List<CompletableFuture<Object>> pending = Collections.synchronizedList(new ArrayList<>());
        List<Thread> luaThreads = Collections.synchronizedList(new ArrayList<>());
        r.L.setGlobal("fetch", Async.function("fetch", (th, a) -> {
            luaThreads.add(Thread.currentThread());
            CompletableFuture<Object> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }));
        CompletableFuture<Object[]> call = Async.call(r.L, load(r, """
                local a = fetch()
                local co = coroutine.wrap(function(x) local b = fetch() coroutine.yield(x .. b) return "end" end)
                return a, co("co:"), co()
                """));
        // complete each future from this (platform) thread once Lua waits on it
        for (int i = 0; i < 2; i++) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_S);
            while (pending.size() <= i) {
                if (System.nanoTime() > until) fail("Lua never waited on future " + i);
                Thread.sleep(1);
            }
            assertFalse(call.isDone());
            pending.get(i).complete(i == 0 ? "first" : "second");
        }
        Object[] res = get(call);
        assertEquals(List.of("first", "co:second", "end"), List.of(res));
        for (Thread t : luaThreads) assertTrue(t.isVirtual(), "Lua ran on " + t);
    }

    @Test
    void resultsConvertAndSeveralResultsComeFromAnArray() throws Exception {
        LuaRun r = new LuaRun();
        r.L.setGlobal("many", Async.function("many", (th, a) ->
                CompletableFuture.supplyAsync(() -> new Object[] {1, 2.5f, "h\u00e9", null, true})));
        r.L.setGlobal("none", Async.function("none", (th, a) -> CompletableFuture.runAsync(() -> {})));
        Object[] res = get(Async.call(r.L, load(r, """
                local n = select('#', none())
                local a, b, c, d, e = many()
                return n, math.type(a), b, #c, d, e, select('#', many())
                """)));
        assertEquals(List.of(0L, "integer", 2.5, 3L), java.util.Arrays.asList(res).subList(0, 4));
        assertEquals(null, res[4]);
        assertEquals(Boolean.TRUE, res[5]);
        assertEquals(5L, res[6]);
    }

    @Test
    void aFailedFutureIsALuaErrorWithTheJavaMessage() throws Exception {
        LuaRun r = new LuaRun();
        r.L.setGlobal("fetch", Async.function("fetch", (th, a) ->
                CompletableFuture.supplyAsync(() -> { throw new IllegalStateException("connection refused"); })));
        r.L.setGlobal("fails", Async.function("fails", (th, a) -> { throw new IOException("no route"); }));
        Object[] res = get(Async.call(r.L, load(r, """
                local ok, e = pcall(fetch)
                local ok2, e2 = pcall(function() local x = fetch() end)
                local ok3, e3 = pcall(fails)
                return ok, e, ok2, e2, ok3, e3
                """)));
        assertEquals(List.of(false, "connection refused", false, "test:2: connection refused", false, "no route"), List.of(res));
    }

    @Test
    void aWaitTimesOut() throws Exception {
        LuaRun r = new LuaRun();
        CompletableFuture<Object> never = new CompletableFuture<>();
        r.L.setGlobal("waitbriefly", JavaFunction.of("waitbriefly", (th, a) ->
                JavaFunction.ret(Async.await(th, never, Duration.ofMillis(50)))));
        r.L.setGlobal("forever", Async.function("forever", (th, a) -> never));
        Async.openLibrary(r.L);
        Object[] res = get(Async.call(r.L, load(r, """
                local ok, e = pcall(function() return waitbriefly() end)
                local ok2, e2 = pcall(async.timeout, 0.05, function() return forever() end)
                local ok3, v = pcall(async.timeout, 5, function() async.sleep(0.01) return "in time" end)
                return ok, e, ok2, e2, ok3, v
                """)));
        assertEquals(List.of(false, "test:1: timeout", false, "test:2: timeout", true, "in time"), List.of(res));
        assertFalse(never.isDone());
    }

    @Test
    void aLuaErrorFailsTheJavaFutureWithMessageAndTraceback() throws Exception {
        LuaRun r = new LuaRun();
        r.L.call(r.L.load("function inner(x) error('bad ' .. x) end\nfunction outer(x) inner(x) end", "=lib", "t", null));
        Throwable t = failureOf(Async.call(r.L, r.L.getGlobal("outer"), "input"));
        LuaError e = assertInstanceOf(LuaError.class, t);
        assertEquals("lib:1: bad input", e.value());
        String tb = e.luaTraceback();
        assertNotNull(tb);
        assertTrue(tb.startsWith("stack traceback:"), tb);
        assertTrue(tb.contains("in function 'error'") && tb.contains("in function 'inner'") && tb.contains("in function 'outer'"), tb);
        // an error object that is not a string fails the future too, with the value itself
        LuaFunction f = load(r, "error({code = 7})");
        LuaError e2 = assertInstanceOf(LuaError.class, failureOf(Async.call(r.L, f)));
        assertEquals(7L, ((org.luahost.vm.LuaTable) e2.value()).rawget("code"));
    }

    @Test
    void javaArgumentsAreConverted() throws Exception {
        LuaRun r = new LuaRun();
        Object[] res = get(Async.call(r.L, load(r, "local n, s, t = ... return math.type(n), #s, t.k[2], #t.k"),
                42, "\u00e9t\u00e9", java.util.Map.of("k", List.of("a", "b"))));
        assertEquals(List.of("integer", 5L, "b", 2L), List.of(res));
    }

    @Test
    void waitingOnAPlatformThreadIsRefused() {
        LuaRun r = new LuaRun();
        CompletableFuture<Object> never = new CompletableFuture<>();
        r.L.setGlobal("fetch", Async.function("fetch", (th, a) -> never));
        r.L.setGlobal("ready", Async.function("ready", (th, a) -> CompletableFuture.completedFuture("now")));
        Object[] res = LuaRun.call(() -> r.L.call(load(r, "return ready(), pcall(fetch)")), Duration.ofSeconds(DEADLINE_S), false);
        assertEquals("now", res[0]);
        assertEquals(Boolean.FALSE, res[1]);
        assertTrue(((String) res[2]).contains("on a platform thread"), (String) res[2]);
    }

    /** Without interleaving, a second call runs only when the first, waiting, has finished; with it, meanwhile. */
    @Test
    void callsInterleaveAtWaitsOnlyWhenThePolicySaysSo() throws Exception {
        for (WaitPolicy policy : new WaitPolicy[] {WaitPolicy.KEEP_TURN, WaitPolicy.INTERLEAVE}) {
            LuaRun r = new LuaRun();
            Hosting.of(r.L).waitPolicy(policy);
            CompletableFuture<Object> gate = new CompletableFuture<>();
            r.L.setGlobal("gate", Async.function("gate", (th, a) -> gate));
            r.L.call(r.L.load("log = {}", "=init", "t", null));
            CompletableFuture<Object[]> first = Async.call(r.L, load(r, "log[#log+1] = 'a1'; gate(); log[#log+1] = 'a2'"));
            while (!"a1".equals(((org.luahost.vm.LuaTable) r.L.getGlobal("log")).rawget(1L))) Thread.sleep(1);
            CompletableFuture<Object[]> second = Async.call(r.L, load(r, "log[#log+1] = 'b'"));
            if (policy == WaitPolicy.INTERLEAVE) {
                get(second);
                gate.complete(null);
                get(first);
            } else {
                Thread.sleep(100);
                assertFalse(second.isDone(), "the second call ran while the first held the turn");
                gate.complete(null);
                get(first);
                get(second);
            }
            Object[] log = r.L.call(load(r, "return table.concat(log, ' ')"));
            assertEquals(policy == WaitPolicy.INTERLEAVE ? "a1 b a2" : "a1 a2 b", log[0]);
        }
    }

    @Test
    void theHostsThreadFactoryRunsLuaCode() throws Exception {
        LuaRun r = new LuaRun();
        Hosting.of(r.L).threads(Thread.ofVirtual().name("host-lua-", 0).factory());
        r.L.setGlobal("tname", JavaFunction.of("tname", (th, a) -> JavaFunction.ret(Thread.currentThread().getName())));
        Object[] res = get(Async.call(r.L, load(r, "return tname(), coroutine.wrap(function() return tname() end)()")));
        assertTrue(((String) res[0]).startsWith("host-lua-"), (String) res[0]);
        assertTrue(((String) res[1]).startsWith("host-lua-"), (String) res[1]);
        assertFalse(res[0].equals(res[1]));
    }
}
