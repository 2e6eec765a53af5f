package org.luahost.coroutines;

import java.time.Duration;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaState;

/**
 * Creates many coroutines that each yield once and are dropped, sampling
 * live coroutine threads and used heap (after a full GC) as it goes. Used
 * in-process by {@link UnreachableCoroutinesTest} and as the main class of a
 * child JVM run with other thread-tracking settings.
 */
final class Churn {
    /** Results: the largest live-thread count and heap growth seen at a sample, the last sample's, the counters. */
    record Result(long maxLive, long maxHeapGrowth, long lastLive, long lastHeapGrowth, long[] counters, long millis) {
        @Override
        public String toString() {
            return "maxLive=" + maxLive + " maxHeapGrowthMB=" + maxHeapGrowth / (1 << 20)
                    + " lastLive=" + lastLive + " lastHeapGrowthMB=" + lastHeapGrowth / (1 << 20)
                    + " started=" + counters[0] + " ended=" + counters[1] + " released=" + counters[2]
                    + " collected=" + counters[3] + " ms=" + millis;
        }
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);   // let the cleaner thread process the phantom references
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static Result run(long plain, long selfRef, long wraps, long sampleEvery, Duration deadline) {
        LuaRun r = new LuaRun();
        LuaState L = r.L;
        long base = usedHeapAfterGc();
        long[] max = new long[4];
        L.setGlobal("sample", JavaFunction.of("sample", (th, a) -> {
            usedHeapAfterGc();
            CoroutineLibrary.releaseUnreachable(th.state);
            long heap = usedHeapAfterGc() - base;
            long live = CoroutineLibrary.liveThreads(th.state);
            max[0] = Math.max(max[0], live);
            max[1] = Math.max(max[1], heap);
            max[2] = live;
            max[3] = heap;
            return JavaFunction.ret(live);
        }));
        long t0 = System.nanoTime();
        String src = """
                local plain, selfRef, wraps, every = ...
                local function body(x) coroutine.yield(x) end
                for i = 1, plain do
                  local co = coroutine.create(body)
                  local ok, v = coroutine.resume(co, i)
                  assert(ok and v == i)
                  if i % every == 0 then sample() end
                end
                for i = 1, selfRef do
                  local co
                  co = coroutine.create(function() local me = co; coroutine.yield(me) end)
                  local ok, me = coroutine.resume(co)
                  assert(me == co)
                  if i % every == 0 then sample() end
                end
                for i = 1, wraps do
                  local g = coroutine.wrap(function(a) local b = coroutine.yield(a) end)
                  assert(g(i) == i)
                  if i % every == 0 then sample() end
                end
                sample()
                """.replace("...", plain + ", " + selfRef + ", " + wraps + ", " + sampleEvery);
        if (Boolean.getBoolean("churn.carrier")) {
            // as ./luahost runs: the main chunk and every coroutine on one carrier
            Carrier c = Carrier.start("churn-carrier", 256L << 20);
            Hosting.of(L).threads(c.virtualThreads("lua-thread"));
            try {
                Async.call(L, L.load(src, "=churn", "t", null)).get(deadline.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                c.close();
            }
        } else {
            r.run(src, deadline);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Result(max[0], max[1], max[2], max[3], CoroutineLibrary.threadCounters(L), ms);
    }

    /** args: plain selfRef wraps sampleEvery maxLive maxHeapGrowthMB; exit status 0 when within the bounds. */
    public static void main(String[] args) {
        Result res = run(Long.parseLong(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]),
                Long.parseLong(args[3]), Duration.ofSeconds(300));
        System.out.println(res);
        boolean ok = res.lastLive() <= Long.parseLong(args[4]) && res.maxHeapGrowth() <= Long.parseLong(args[5]) << 20;
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }
}
