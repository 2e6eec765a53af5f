package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.luahost.vm.JavaFunction;

/** Threads of finished coroutines run later coroutines ({@link Worker}, {@link Hosting#maxIdleThreads}). */
class ReusedThreadsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static LuaRun pooled(int max) {
        LuaRun r = new LuaRun();
        Hosting.of(r.L).maxIdleThreads(max);
        // the Java thread id of the calling Lua thread, and whether its interrupt flag is set (then set it)
        r.L.setGlobal("tid", JavaFunction.of("tid", (th, a) -> JavaFunction.ret(Thread.currentThread().threadId())));
        r.L.setGlobal("interruptMe", JavaFunction.of("interruptMe", (th, a) -> {
            boolean was = Thread.currentThread().isInterrupted();
            Thread.currentThread().interrupt();
            return JavaFunction.ret(was);
        }));
        return r;
    }

    @Test
    void finishedCoroutinesThreadsRunTheNextOnes() {
        LuaRun r = pooled(4);
        Object[] res = r.run("""
                local ids, n, sum = {}, 0, 0
                for i = 1, 2000 do
                  local co = coroutine.create(function(a) local b = coroutine.yield(tid()) return a + b end)
                  local _, id = coroutine.resume(co, i)
                  if not ids[id] then ids[id] = true; n = n + 1 end
                  local ok, v = coroutine.resume(co, 1)
                  assert(ok and coroutine.status(co) == "dead")
                  sum = sum + v
                end
                return n, sum
                """, DEADLINE);
        assertTrue((Long) res[0] <= 2, "distinct threads for 2000 coroutines one after another: " + res[0]);
        assertEquals(2000L * 2001 / 2 + 2000, res[1]);
        assertEquals(0L, CoroutineLibrary.liveThreads(r.L));
    }

    @Test
    void aThreadIsReusedAfterErrorsAndCarriesNothingOver() {
        LuaRun r = pooled(4);
        Object[] res = r.run("""
                -- a coroutine that fails, one that leaves its thread interrupted, one closed with a pending <close>
                local bad = coroutine.create(function() local t = tid(); coroutine.yield(t); error("boom") end)
                local _, t1 = coroutine.resume(bad)
                local ok, err = coroutine.resume(bad)
                assert(not ok and err:find("boom"), err)
                -- (only the thread of a coroutine that yielded is kept for reuse)
                local intr = coroutine.wrap(function() coroutine.yield() return interruptMe(), tid() end)
                intr()
                local was1, t2 = intr()
                local second = coroutine.wrap(function() coroutine.yield() return interruptMe(), tid() end)
                second()
                local was2, t3 = second()
                assert(t3 == t2, "the interrupted thread ran the next coroutine")
                local closed = {}
                local c = coroutine.create(function()
                  local x <close> = setmetatable({}, {__close = function() closed[#closed + 1] = tid() end})
                  coroutine.yield()
                end)
                coroutine.resume(c)
                assert(coroutine.close(c))
                -- many coroutines alive at once still get threads of their own
                local cos, ids, n = {}, {}, 0
                for i = 1, 50 do
                  cos[i] = coroutine.create(function() coroutine.yield(tid()) return i end)
                  local _, id = coroutine.resume(cos[i])
                  if not ids[id] then ids[id] = true; n = n + 1 end
                end
                for i = 1, 50 do assert(select(2, coroutine.resume(cos[i])) == i) end
                return t1 == t2, was1, was2, #closed, n, debug.traceback(bad)
                """, DEADLINE);
        assertEquals(Boolean.TRUE, res[0], "the failed coroutine's thread ran the next one");
        assertEquals(Boolean.FALSE, res[1]);
        assertEquals(Boolean.FALSE, res[2], "an interrupt does not carry over to the next coroutine");
        assertEquals(1L, res[3]);
        assertEquals(50L, res[4]);
        assertTrue(((String) res[5]).contains("boom") || ((String) res[5]).contains("stack traceback"), (String) res[5]);
    }

    @Test
    void coroutinesThatNeverYieldDoNotKeepTheirThread() {
        LuaRun r = pooled(4);
        Object[] res = r.run("""
                local ids, n = {}, 0
                for i = 1, 20 do
                  local id = coroutine.wrap(function() return tid() end)()
                  if not ids[id] then ids[id] = true; n = n + 1 end
                end
                return n
                """, DEADLINE);
        assertEquals(20L, res[0]);
    }

    @Test
    void aThreadThatHeldADeepStackIsNotKept() {
        LuaRun r = pooled(4);
        Object[] res = r.run("""
                local function down(n) if n == 0 then coroutine.yield(tid()) return 0 end return 1 + down(n - 1) end
                local function ids(depth)
                  local first = coroutine.wrap(function() return down(depth) end)
                  local t1 = first()
                  first()
                  local second = coroutine.wrap(function() return down(0) end)
                  return t1 == second()
                end
                return ids(5), ids(100)
                """, DEADLINE);
        assertEquals(Boolean.TRUE, res[0], "a shallow coroutine's thread runs the next one");
        assertEquals(Boolean.FALSE, res[1], "a thread that yielded 100 Lua calls deep is not kept");
    }

    @Test
    void noReuseWhenThePoolIsOff() {
        LuaRun r = pooled(0);
        Object[] res = r.run("""
                local ids, n = {}, 0
                for i = 1, 20 do
                  local f = coroutine.wrap(function() coroutine.yield() return tid() end)
                  f()
                  local id = f()
                  if not ids[id] then ids[id] = true; n = n + 1 end
                end
                return n
                """, DEADLINE);
        assertEquals(20L, res[0]);
    }

    @Test
    void idleThreadsDoNotKeepTheStateAlive() throws Exception {
        LuaRun r = pooled(16);
        r.run("""
                for i = 1, 100 do
                  local co = coroutine.wrap(function(x) coroutine.yield(x) return {big = string.rep("x", 100000)} end)
                  co(i); co()
                end
                """, DEADLINE);
        WeakReference<Object> state = new WeakReference<>(r.L);
        r = null;
        for (int i = 0; i < 50 && state.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(state.get(), "a dropped state is collected although its idle coroutine threads are parked");
    }
}
