package org.luahost.cli.console;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.SessionStats;

/**
 * The console's host view: once a second, a sample of the host (turns/s,
 * turn latency p50 and p99 over that second, saves/s, heap used), kept in a
 * ring of the last {@link #KEEP} samples (five minutes), and each live
 * session's turns/s (from its handled count a second earlier).
 *
 * <p>The host figures come from the Micrometer registry the host records
 * into ({@code luahost.turns}, {@code luahost.turn.latency},
 * {@code luahost.saves}); the percentiles from the latency histogram's
 * buckets, as the upper bound of the bucket where the quantile falls (so
 * they are as coarse as the buckets: 50 µs to 10 s). Without a registry
 * those figures are 0.
 *
 * <p>Threads: {@link #sample} runs on one thread at a time (a worker, from
 * the console's periodic timer); the other methods are synchronized with it.
 */
final class HostSampler {
    static final int KEEP = 300;

    private final LuaHost host;
    private final MeterRegistry registry;
    private final ArrayDeque<JsonObject> ring = new ArrayDeque<>();
    private Map<String, Long> handledBefore = new HashMap<>();
    private Map<String, Double> rates = new HashMap<>();
    private double turnsBefore = -1, savesBefore = -1;
    private long[] bucketsBefore;
    private long lastNanos;

    HostSampler(LuaHost host) {
        this.host = host;
        this.registry = host.options().metrics();
    }

    /** Takes one sample now. */
    synchronized void sample() {
        long now = System.nanoTime();
        double secs = lastNanos == 0 ? 1 : Math.max(1e-3, (now - lastNanos) / 1e9);
        lastNanos = now;
        Map<String, Long> handled = new HashMap<>();
        Map<String, Double> r = new HashMap<>();
        for (SessionStats s : host.stats()) {
            handled.put(s.id(), s.handled());
            Long before = handledBefore.get(s.id());
            r.put(s.id(), before == null ? 0 : Math.max(0, s.handled() - before) / secs);
        }
        handledBefore = handled;
        rates = r;
        double turns = counted("luahost.turns", null);
        double saves = counted("luahost.saves", "ok");
        JsonObject o = new JsonObject().put("t", System.currentTimeMillis())
                .put("turnsPerSec", turnsBefore < 0 ? 0 : Math.max(0, turns - turnsBefore) / secs)
                .put("savesPerSec", savesBefore < 0 ? 0 : Math.max(0, saves - savesBefore) / secs)
                .put("heapUsed", Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                .put("sessions", handled.size());
        turnsBefore = turns;
        savesBefore = saves;
        latency(o);
        ring.addLast(o);
        if (ring.size() > KEEP) ring.removeFirst();
    }

    /** p50 and p99 (milliseconds) of the turns since the previous sample, from the histogram's bucket deltas. */
    private void latency(JsonObject o) {
        Timer t = registry == null ? null : registry.find("luahost.turn.latency").timer();
        if (t == null) {
            o.put("p50Millis", 0.0).put("p99Millis", 0.0);
            return;
        }
        CountAtBucket[] b = t.takeSnapshot().histogramCounts();
        long[] cum = new long[b.length];
        for (int i = 0; i < b.length; i++) cum[i] = (long) b[i].count();
        long total = b.length == 0 ? 0 : (long) t.count();
        long[] before = bucketsBefore;
        bucketsBefore = cum;
        if (before == null || before.length != cum.length) {
            o.put("p50Millis", 0.0).put("p99Millis", 0.0);
            lastTotal = total;
            return;
        }
        long n = total - lastTotal;
        lastTotal = total;
        o.put("p50Millis", quantile(b, cum, before, n, 0.5)).put("p99Millis", quantile(b, cum, before, n, 0.99));
    }

    private long lastTotal;

    private static double quantile(CountAtBucket[] b, long[] cum, long[] before, long n, double q) {
        if (n <= 0) return 0;
        double want = q * n;
        for (int i = 0; i < b.length; i++) {
            if (cum[i] - before[i] >= want) return b[i].bucket(TimeUnit.MILLISECONDS);
        }
        return b.length == 0 ? 0 : b[b.length - 1].bucket(TimeUnit.MILLISECONDS);   // above the last bucket
    }

    private double counted(String name, String outcome) {
        if (registry == null) return 0;
        double sum = 0;
        var search = outcome == null ? registry.find(name) : registry.find(name).tag("outcome", outcome);
        for (Counter c : search.counters()) sum += c.count();
        return sum;
    }

    /** The kept samples, oldest first. */
    synchronized JsonArray samples() { return new JsonArray(new java.util.ArrayList<>(ring)); }

    /** The newest sample, or an empty object before the first. */
    synchronized JsonObject latest() { return ring.isEmpty() ? new JsonObject() : ring.getLast(); }

    /** Session id's turns per second over the last sample's second (0 when unknown). */
    synchronized double rate(String id) { return rates.getOrDefault(id, 0.0); }
}
