package org.luahost.scheduler;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;


import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The child JVM of {@link MemoryFloodTest} (started with a small heap): a host
 * with a heap ceiling, ten sessions with a memory limit each trying every
 * attack of {@link #SCRIPT} (each allocates without end, so 10x its limit and
 * more), first inside a pcall in the script, then unprotected (the turn must
 * end with "not enough memory"); meanwhile another session answers pings.
 * It prints one line per finding ({@code FAIL ...}), the live heap at its
 * highest as sampled ({@code MAXHEAP bytes ceiling bytes}, see
 * {@link #sampleLiveHeap}), and
 * {@code DONE} once the host closed; the test reads them.
 */
public final class MemoryFloodChild {
    static final long LIMIT = 6L << 20;
    static final int SESSIONS = 10;

    static final String SCRIPT = """
            local big = ('x'):rep(1 << 20)
            local parts = {} for i = 1, 1000 do parts[i] = ('y'):rep(1000) end
            local attacks = {
              function() local s = 'x' while true do s = s .. s keep[1] = s end end,
              function() for i = 1, 1e9 do keep[i] = ('x'):rep((1 << 16) + i) end end,
              function() for i = 1, 1e9 do keep[i] = table.concat(parts) end end,
              function() for i = 1, 1e9 do keep[i] = big:gsub('x', 'yy') end end,
              function() keep[1] = big:gsub('x', ('z'):rep(100)) end,
              function() for i = 1, 1e9 do keep[i] = i end end,
              function() for i = 1, 1e9 do keep[i + 0.5] = i end end,
              function() for i = 1, 1e9 do keep[i] = function() return i end end end,
              function() local f, e = load(('a = 1 '):rep(1 << 17)) keep[1] = f or error(e, 0) end,
              function() for i = 1, 1e9 do local f, e = load(('a = 1 '):rep(5000) .. ' return ' .. i) keep[i] = f or error(e, 0) end end,
              function() for i = 1, 1e9 do local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) keep[i] = co end end,
              function() for i = 1, 1e9 do keep[i] = string.pack('s4', big) end end,
              function() for i = 1, 1e9 do keep[i] = string.format('%s%d', big, i) end end,
              function() for i = 1, 1e9 do keep[i] = big:upper() end end,
              function() for i = 1, 1e9 do keep[i] = tostring(i) .. '' end end,
            }
            function count() return #attacks end
            function protected(k)
              keep = {}
              local ok, e = pcall(attacks[k])
              keep = nil
              collectgarbage()
              return ok, e
            end
            function unprotected(k) keep = {} attacks[k]() end
            function reset() keep = nil collectgarbage() return collectgarbage('count') end
            function ping() return 'pong' end
            """;

    public static void main(String[] args) throws Exception {
        AtomicLong maxAfterGc = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean stopSampling = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = sampleLiveHeap(maxAfterGc, stopSampling);
        ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();
        Thread.setDefaultUncaughtExceptionHandler((t, x) -> findings.add("FAIL uncaught in " + t + ": " + x));
        long maxHeap = Runtime.getRuntime().maxMemory();
        double fraction = 0.85;
        Vertx vertx = Vertx.vertx();
        LuaHost host = LuaHost.create(vertx, new HostOptions().heapCeiling(fraction).verticles(2)
                .output(new PrintStream(new ByteArrayOutputStream())));
        get(host.ready());
        SessionOptions opts = new SessionOptions().memoryLimit(LIMIT).cpuBudget(Duration.ZERO);
        Script script = Script.of("flood.lua", SCRIPT);
        get(host.session("pinger", script, new SessionOptions()));
        for (int s = 0; s < SESSIONS; s++) get(host.session("s" + s, script, opts));
        int count = ((Long) get(host.call("s0", "count"))[0]).intValue();
        // the attacks to run: all, or those listed in args[0] ("1,5,11"; for trying one alone)
        int[] chosen = args.length > 0 ? java.util.Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : java.util.stream.IntStream.rangeClosed(1, count).toArray();
        int attacks = chosen.length;

        List<Thread> attackers = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            String id = "s" + s;
            attackers.add(Thread.ofPlatform().start(() -> {
                for (int k : chosen) {
                    try {
                        Object[] r = get(host.call(id, "protected", (long) k));
                        if (!(Boolean.FALSE.equals(r[0]) && "not enough memory".equals(r[1]))) {
                            findings.add("FAIL " + id + " attack " + k + " in pcall gave " + java.util.Arrays.toString(r));
                        }
                    } catch (Exception e) {
                        findings.add("FAIL " + id + " attack " + k + " in pcall: " + e
                                + (e instanceof SessionException x ? " " + x.luaTraceback() : ""));
                    }
                    try {
                        get(host.call(id, "unprotected", (long) k));
                        findings.add("FAIL " + id + " attack " + k + " unprotected succeeded");
                    } catch (SessionException e) {
                        if (!"not enough memory".equals(e.getMessage())) {
                            findings.add("FAIL " + id + " attack " + k + " unprotected: " + e.getMessage());
                        }
                    } catch (Exception e) {
                        findings.add("FAIL " + id + " attack " + k + " unprotected: " + e);
                    }
                    try {
                        Object[] r = get(host.call(id, "reset"));
                        if (((Number) r[0]).doubleValue() > 3072) findings.add("FAIL " + id + " after attack " + k + ": " + r[0] + " KB in use");
                    } catch (Exception e) {
                        findings.add("FAIL " + id + " reset after attack " + k + ": " + e);
                    }
                }
            }));
        }
        int pings = 0;
        while (attackers.stream().anyMatch(Thread::isAlive)) {
            try {
                if (!"pong".equals(get(host.call("pinger", "ping"))[0])) findings.add("FAIL ping answered wrong");
                pings++;
            } catch (Exception e) {
                findings.add("FAIL ping: " + e);
            }
            Thread.sleep(50);
        }
        for (Thread t : attackers) t.join();
        stopSampling.set(true);
        sampler.join();
        System.out.println("PINGS " + pings);
        System.out.println("ATTACKS " + attacks);
        CloseReport report = host.close(Duration.ofSeconds(20)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (!report.notSaved().isEmpty()) findings.add("FAIL not closed cleanly: " + report.notSaved());
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        findings.forEach(System.out::println);
        System.out.println("MAXHEAP " + maxAfterGc.get() + " ceiling " + (long) (fraction * maxHeap));
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    /**
     * Samples the live heap while the attacks run: every 250 ms a full collection
     * (System.gc), then the heap in use, whose largest value is kept. (The heap after
     * a young collection is no measure: it still holds the old generation's garbage.)
     */
    private static Thread sampleLiveHeap(AtomicLong max, java.util.concurrent.atomic.AtomicBoolean stop) {
        return Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                System.gc();
                max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
