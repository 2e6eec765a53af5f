package org.luahost.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.Session;
import org.luahost.scheduler.SessionOptions;

/**
 * System-level benchmarks of sessions (issue 4's proof), as a plain program
 * because they measure a whole host rather than a method:
 *
 * <ul>
 * <li>{@code throughput [sessions] [messages]}: sessions with a trivial
 *     handler, fed from Java by two threads with host calls (at most 20,000 in
 *     flight); messages/s and the call latency p50/p99; then the same with
 *     one-way sends.</li>
 * <li>{@code footprint [sessions]}: heap per idle session after a full GC
 *     (with and without the per-session event-bus consumer).</li>
 * <li>{@code isolation [pingers] [seconds] [slice-ms] [runaways]}: ping latency p50/p99 of pinging
 *     sessions, without and then with one session (or several) running
 *     {@code while true do end}, and how the runaways' turns end.</li>
 * <li>{@code saves [sessions] [rounds]}: sessions saved in a SQLite store
 *     (group commit); each round calls every session's handler, which
 *     changes its state and calls {@code host.persist()} (returns once the
 *     save is durable); saves per second until every call answered.</li>
 * </ul>
 * Run with {@code bench/sessions.sh MODE [args]}.
 */
public final class SessionsBench {
    private SessionsBench() {}

    static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        switch (mode) {
            case "throughput" -> throughput(intArg(args, 1, 10_000), intArg(args, 2, 2_000_000));
            case "footprint" -> footprint(intArg(args, 1, 100_000));
            case "isolation" -> isolation(intArg(args, 1, 1_000), intArg(args, 2, 5), intArg(args, 3, 0), intArg(args, 4, 1));
            case "saves" -> saves(intArg(args, 1, 10_000), intArg(args, 2, 3));
            default -> throw new IllegalArgumentException("modes: throughput, footprint, isolation, saves");
        }
        System.exit(0);
    }

    static int intArg(String[] a, int i, int def) { return a.length > i ? Integer.parseInt(a[i]) : def; }

    static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }

    static List<Session> start(LuaHost host, String prefix, int n, String code, SessionOptions o) throws Exception {
        Script s = Script.of("bench.lua", code);
        List<Future<Session>> fs = new ArrayList<>(n);
        List<Session> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fs.add(host.session(prefix + i, s, o));
            if (fs.size() == 2_000) {
                for (Future<Session> f : fs) out.add(get(f));
                fs.clear();
            }
        }
        for (Future<Session> f : fs) out.add(get(f));
        return out;
    }

    /**
     * The process's CPU time (user + system, all threads) in ns: on a shared
     * machine CPU per message is steadier than messages per second.
     */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String pct(long[] ns, int n) {
        long[] a = Arrays.copyOf(ns, n);
        Arrays.sort(a);
        return String.format("p50 %.3f ms, p99 %.3f ms", a[n / 2] / 1e6, a[(int) (n * 0.99)] / 1e6);
    }

    // ---------------------------------------------------------------- throughput

    /**
     * With {@code -Dbench.metrics=prometheus}: the host records its meters
     * in a Prometheus registry (as {@code luahost serve} does), to measure
     * what they cost; otherwise no registry.
     */
    static HostOptions metrics(HostOptions o) {
        if (!"prometheus".equals(System.getProperty("bench.metrics"))) return o;
        System.out.println("metrics: a Prometheus registry");
        return o.metrics(new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
    }

    static void throughput(int sessions, int messages) throws Exception {
        Vertx vertx = Vertx.vertx();
        LuaHost host = LuaHost.create(vertx, metrics(new HostOptions().output(QUIET)));
        get(host.ready());
        List<Session> ss = start(host, "s", sessions, "n = 0 function ping(x) n = n + 1 return x end "
                + "function on_message(from, x) n = n + 1 end function count() return n end", new SessionOptions());
        for (int round = 0; round < 2; round++) {   // the first round warms up
            int m = round == 0 ? messages / 4 : messages;
            long[] lat = new long[m];
            Semaphore inflight = new Semaphore(20_000);
            CountDownLatch done = new CountDownLatch(m);
            AtomicLong next = new AtomicLong();
            long t0 = System.nanoTime(), c0 = cpuNanos();
            Thread[] producers = new Thread[2];
            for (int p = 0; p < producers.length; p++) {
                producers[p] = Thread.ofPlatform().start(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < m) {
                        inflight.acquireUninterruptibly();
                        int k = (int) i;
                        long s0 = System.nanoTime();
                        ss.get(k % sessions).call("ping", i).onComplete(ar -> {
                            lat[k] = System.nanoTime() - s0;
                            inflight.release();
                            done.countDown();
                        });
                    }
                });
            }
            done.await();
            long t1 = System.nanoTime(), c1 = cpuNanos();
            if (round == 1) {
                System.out.printf("throughput (calls): %d sessions, %d calls in %.2f s: %.0f msg/s; latency %s; CPU %.3f µs/msg%n",
                        sessions, m, (t1 - t0) / 1e9, m / ((t1 - t0) / 1e9), pct(lat, m), (c1 - c0) / 1e3 / m);
            }
        }
        // one-way sends: time until every session counted its messages
        int m = messages;
        long t0 = System.nanoTime(), c0 = cpuNanos();
        Thread[] producers = new Thread[2];
        for (int p = 0; p < producers.length; p++) {
            int first = p;
            producers[p] = Thread.ofPlatform().start(() -> {
                for (int i = first; i < m; i += 2) ss.get(i % sessions).send(1L);
            });
        }
        for (Thread t : producers) t.join();
        List<CompletableFuture<Object[]>> counts = new ArrayList<>();
        for (Session s : ss) counts.add(s.call("count").toCompletionStage().toCompletableFuture());
        for (CompletableFuture<Object[]> c : counts) c.get(10, TimeUnit.MINUTES);
        long t1 = System.nanoTime(), c1 = cpuNanos();
        System.out.printf("throughput (sends): %d sessions, %d messages in %.2f s: %.0f msg/s; CPU %.3f µs/msg%n",
                sessions, m, (t1 - t0) / 1e9, m / ((t1 - t0) / 1e9), (c1 - c0) / 1e3 / m);
        get(host.close());
        get(vertx.close());
    }

    // ---------------------------------------------------------------- saves

    static void saves(int sessions, int rounds) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("luahost-saves");
        Vertx vertx = Vertx.vertx();
        try (org.luahost.persistence.SessionStore store = org.luahost.persistence.SessionStore.sqlite(dir)) {
            LuaHost host = LuaHost.create(vertx, new HostOptions().output(QUIET).store(store));
            get(host.ready());
            // a small player-like state: a counter and a table of 10 items
            List<Session> ss = start(host, "p", sessions, "n = n or 0 items = items or {} "
                    + "function bump() n = n + 1 items[n % 10 + 1] = 'item ' .. n host.persist() return n end",
                    new SessionOptions());
            for (int round = 0; round <= rounds; round++) {   // round 0 warms up
                long[] lat = new long[sessions];
                long t0 = System.nanoTime();
                List<CompletableFuture<Object[]>> fs = new ArrayList<>(sessions);
                for (int i = 0; i < sessions; i++) {
                    int k = i;
                    long s0 = System.nanoTime();
                    fs.add(ss.get(i).call("bump").toCompletionStage().toCompletableFuture()
                            .whenComplete((r, x) -> lat[k] = System.nanoTime() - s0));
                }
                for (CompletableFuture<Object[]> f : fs) f.get(10, TimeUnit.MINUTES);
                long t1 = System.nanoTime();
                if (round > 0) {
                    System.out.printf("saves: round %d: %d sessions each changed and saved durably (host.persist) in %.2f s: "
                            + "%.0f saves/s; per-call latency %s%n", round, sessions, (t1 - t0) / 1e9,
                            sessions / ((t1 - t0) / 1e9), pct(lat, sessions));
                }
            }
            get(host.close());
        }
        get(vertx.close());
    }

    // ---------------------------------------------------------------- footprint

    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void footprint(int sessions) throws Exception {
        for (boolean bus : new boolean[] {false, true}) {
            Vertx vertx = Vertx.vertx();
            LuaHost host = LuaHost.create(vertx, new HostOptions().output(QUIET).eventBus(bus));
            get(host.ready());
            long before = usedHeap();
            long t0 = System.nanoTime();
            List<Session> ss = start(host, "idle", sessions,
                    "count = 0 function on_message(from, x) count = count + 1 end", new SessionOptions());
            long t1 = System.nanoTime();
            Thread.sleep(500);
            long after = usedHeap();
            System.out.printf("footprint: %d idle sessions (event-bus consumer %s): %.1f KB each (heap %d MB -> %d MB); started in %.1f s%n",
                    ss.size(), bus ? "on" : "off", (after - before) / 1024.0 / sessions, before >> 20, after >> 20, (t1 - t0) / 1e9);
            get(host.close());
            get(vertx.close());
        }
    }

    // ---------------------------------------------------------------- isolation

    static void isolation(int pingers, int seconds, int sliceMs, int runaways) throws Exception {
        Vertx vertx = Vertx.vertx();
        LuaHost host = LuaHost.create(vertx, new HostOptions().output(QUIET));
        get(host.ready());
        SessionOptions o = new SessionOptions();
        if (sliceMs > 0) o.timeSlice(Duration.ofMillis(sliceMs));
        System.out.println("isolation: time slice " + o.timeSlice().toMillis() + " ms, " + runaways + " runaway session(s)");
        List<Session> ss = start(host, "p", pingers, "function ping(x) return x end", o);
        List<Session> runaway = start(host, "runaway", runaways, "function spin() while true do end end", o);
        pingRun(ss, 1, "warm-up", List.of());
        pingRun(ss, 1, "warm-up with runaway", runaway);
        // Settle the heap before measuring, as in a host that has run for a while: the sessions'
        // start-up state is promoted to the old generation once, and with Serial GC that one copy
        // is a 20-75 ms pause (measured with -Xlog:gc) that would otherwise land in whichever
        // phase runs 12-15 s in, whether the runaway runs or not.
        System.gc();
        // alternate the phases, so that load changes and later GC pauses fall on both
        List<Double> ratios = new ArrayList<>(), medianRatios = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            double[] without = pingRun(ss, seconds, "round " + round + " without runaway", List.of());
            double[] with = pingRun(ss, seconds, "round " + round + " with runaway", runaway);
            ratios.add(with[1] / without[1]);
            medianRatios.add(with[0] / without[0]);
        }
        ratios.sort(null);
        medianRatios.sort(null);
        System.out.printf("isolation: p99 ratio with/without runaway per round %s; median %.2f (p50 ratio median %.2f)%n",
                ratios, ratios.get(1), medianRatios.get(1));
        get(host.close());
        get(vertx.close());
    }

    static long gcMillis() {
        long t = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    /**
     * Pings at a steady rate for seconds; prints the latencies and returns
     * the p50 and p99 in ms. With -Dbench.trace=FILE, appends every ping
     * slower than 2 ms to FILE with the wall-clock time it was sent (to find
     * it in a JFR recording or a GC log).
     */
    static double[] pingRun(List<Session> ss, int seconds, String label, List<Session> runaways) throws Exception {
        long gc0 = gcMillis();
        List<String> endings = new ArrayList<>();
        volatile_flag stop = new volatile_flag();
        List<Thread> spinners = new ArrayList<>();
        for (Session runaway : runaways) {
            spinners.add(Thread.ofPlatform().start(() -> {
                while (!stop.v) {
                    try {
                        get(runaway.call("spin"));
                    } catch (Exception e) {
                        Throwable c = e.getCause() != null ? e.getCause() : e;
                        synchronized (endings) { endings.add(c.getMessage()); }
                    }
                }
            }));
        }
        if (!runaways.isEmpty()) Thread.sleep(100);
        // a steady rate: every 10 ms, one ping to each of 100 sessions (10,000 pings/s)
        int perTick = 100, ticks = seconds * 100;
        long[] lat = new long[perTick * ticks];
        long[] sentAt = new long[lat.length];
        CountDownLatch done = new CountDownLatch(lat.length);
        long start = System.nanoTime();
        int k = 0;
        for (int t = 0; t < ticks; t++) {
            long due = start + t * 10_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            for (int j = 0; j < perTick; j++, k++) {
                int idx = k;
                long s0 = System.nanoTime();
                sentAt[idx] = s0;
                ss.get(idx % ss.size()).call("ping", (long) idx).onComplete(ar -> {
                    lat[idx] = System.nanoTime() - s0;
                    done.countDown();
                });
            }
        }
        done.await();
        String trace = System.getProperty("bench.trace");
        if (trace != null) {
            long wall0 = System.currentTimeMillis() * 1_000_000L - (System.nanoTime() - start);   // wall time at start, ns
            try (var w = new java.io.PrintWriter(new java.io.FileWriter(trace, true))) {
                w.println("# " + label);
                for (int i = 0; i < lat.length; i++) {
                    if (lat[i] > 2_000_000L) {
                        long sent = sentAt[i];
                        w.printf("%d %s %.3f%n", i, java.time.Instant.ofEpochSecond(0, wall0 + (sent - start)), lat[i] / 1e6);
                    }
                }
            }
        }
        stop.v = true;
        for (Thread t : spinners) t.join();
        System.out.printf("isolation %s: %d pings to %d sessions over %d s: %s; GC %d ms%s%n", label, lat.length, ss.size(),
                seconds, pct(lat, lat.length), gcMillis() - gc0, runaways.isEmpty() ? "" : "; runaway turns ended "
                        + endings.size() + "x, e.g. \"" + (endings.isEmpty() ? "-" : endings.get(0)) + "\"");
        long[] a = lat.clone();
        Arrays.sort(a);
        return new double[] {a[a.length / 2] / 1e6, a[(int) (a.length * 0.99)] / 1e6};
    }

    static final class volatile_flag { volatile boolean v; }
}
