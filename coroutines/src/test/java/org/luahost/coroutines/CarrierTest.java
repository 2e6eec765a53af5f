package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luahost.vm.JavaFunction;

/** A state's Lua threads on one carrier: same results, all on that carrier, woken from outside, stack bounded by it. */
class CarrierTest {
    final List<Carrier> carriers = new ArrayList<>();

    Carrier carrier(String name, long stack) {
        Carrier c = Carrier.start(name, stack);
        carriers.add(c);
        return c;
    }

    @AfterEach
    void close() { carriers.forEach(Carrier::close); }

    @Test
    void theJdkLetsUsChooseTheCarrier() {
        assertTrue(Carrier.supported(), "run with --add-opens=java.base/java.lang=ALL-UNNAMED (the surefire argLine does)");
    }

    @Test
    void everyLuaThreadOfTheStateRunsOnTheCarrier() throws Exception {
        LuaRun r = new LuaRun();
        Carrier c = carrier("test-carrier", 64L << 20);
        Hosting.of(r.L).threads(c.virtualThreads("lua-thread"));
        List<String> where = Collections.synchronizedList(new ArrayList<>());
        r.L.setGlobal("where", JavaFunction.of("where", (th, a) -> {
            where.add(Thread.currentThread().toString());
            return JavaFunction.NONE;
        }));
        Object[] res = AsyncTest.get(Async.call(r.L, r.L.load("""
                where()
                local co = coroutine.create(function(a, b)
                  where()
                  local s = a + b
                  for i = 1, 10000 do s = s + coroutine.yield(s) end
                  return s
                end)
                local ok, s = coroutine.resume(co, 1, 2)
                for i = 1, 10000 do ok, s = coroutine.resume(co, i) end
                local g = coroutine.wrap(function() where() for i = 1, 3 do coroutine.yield(i) end end)
                return s, g() + g() + g()
                """, "=test", "t", null)));
        assertEquals(List.of(3L + 50005000L, 6L), List.of(res));
        assertEquals(3, where.size());
        for (String w : where) assertTrue(w.contains("@test-carrier"), w);
    }

    /** A completion on another thread must wake a carrier that went to sleep on an empty queue. */
    @Test
    void aCompletionFromAnotherThreadWakesTheCarrier() throws Exception {
        LuaRun r = new LuaRun();
        Hosting.of(r.L).threads(carrier("test-carrier", 16L << 20).virtualThreads("lua-thread"));
        r.L.setGlobal("later", Async.function("later", (th, a) -> CompletableFuture.supplyAsync(() -> "late",
                CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))));
        Object[] res = AsyncTest.get(Async.call(r.L, r.L.load("""
                local t = {}
                for i = 1, 20 do t[#t + 1] = later() end
                local co = coroutine.wrap(function() coroutine.yield(later()) end)
                return #t, co()
                """, "=test", "t", null)));
        assertEquals(List.of(20L, "late"), List.of(res));
    }

    /** A timed wait is woken by the JDK's timer thread: expiry and sleeps work on a carrier too. */
    @Test
    void timedWaitsWorkOnACarrier() throws Exception {
        LuaRun r = new LuaRun();
        Hosting.of(r.L).threads(carrier("test-carrier", 16L << 20).virtualThreads("lua-thread"));
        Async.openLibrary(r.L);
        CompletableFuture<Object> never = new CompletableFuture<>();
        r.L.setGlobal("forever", Async.function("forever", (th, a) -> never));
        Object[] res = AsyncTest.get(Async.call(r.L, r.L.load("""
                local ok, e = pcall(async.timeout, 0.02, forever)
                local t0 = os.clock()
                for i = 1, 5 do async.sleep(0.001) end
                local co = coroutine.wrap(function() return pcall(async.timeout, 0.01, forever) end)
                return ok, e, co()
                """, "=test", "t", null)));
        assertEquals(java.util.Arrays.asList(false, "timeout", false, "timeout"), java.util.Arrays.asList(res));
    }

    /** The carrier's stack bounds recursion in the threads it carries; running out is the Lua error "stack overflow". */
    @Test
    void aSmallCarrierStackEndsInTheLuaErrorStackOverflow() throws Exception {
        LuaRun r = new LuaRun();
        Hosting.of(r.L).threads(carrier("small-carrier", 2L << 20).virtualThreads("lua-thread"));
        Object[] res = AsyncTest.get(Async.call(r.L, r.L.load("""
                local function f(n) return 1 + f(n + 1) end
                local ok1, e1 = pcall(f, 1)
                local ok2, e2 = coroutine.resume(coroutine.create(f), 1)
                local ok3, e3 = pcall(coroutine.wrap(f), 1)
                return ok1, e1, ok2, e2, ok3, e3
                """, "=test", "t", null)));
        for (int i = 0; i < 6; i += 2) {
            assertEquals(Boolean.FALSE, res[i]);
            assertTrue(((String) res[i + 1]).endsWith("stack overflow"), (String) res[i + 1]);
        }
    }

    @Test
    void aClosedCarrierRefusesWork() {
        Carrier c = carrier("closing", 1L << 20);
        c.close();
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.RejectedExecutionException.class,
                () -> c.execute(() -> {})).getMessage().contains("closed"));
    }

    static final Duration DEADLINE = Duration.ofSeconds(60);
}
