package org.luahost.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 100 (or n) sessions answering pings from a few Java threads, each waiting
 * for its answer before the next (a closed loop): the latencies of the
 * pings answered between {@link #begin} and {@link #end} make a phase's
 * p99. Used by the adversarial tests as a loud sanity bound (other sessions
 * keep answering while an attack runs), never as a fine timing assertion.
 */
final class PingLoad implements AutoCloseable {
    static final String SCRIPT = "function ping(x) return x end\n";

    private final LuaHost host;
    private final String prefix;
    private final int sessions;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** Latencies (nanos) of the current phase, or null between phases; guarded by this. */
    private long[] phase;
    private int count;
    /** Pings that failed or took longer than 10 s (there should be none). */
    volatile int failures;
    volatile String lastFailure;

    PingLoad(LuaHost host, String prefix, int sessions, int drivers) throws Exception {
        this.host = host;
        this.prefix = prefix;
        this.sessions = sessions;
        for (int i = 0; i < sessions; i++) {
            SessionsTest.get(host.session(prefix + i, Script.of(prefix + i, SCRIPT), new SessionOptions()));
        }
        for (int d = 0; d < drivers; d++) {
            int first = d;
            threads.add(Thread.ofPlatform().daemon().name("ping-" + d).start(() -> drive(first, drivers)));
        }
    }

    private void drive(int first, int step) {
        long n = 0;
        for (int i = first; running; i = (i + step) % sessions) {
            long t0 = System.nanoTime();
            try {
                host.call(prefix + i, "ping", ++n).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                record(System.nanoTime() - t0);
            } catch (Exception x) {
                if (!running) return;
                failures++;
                lastFailure = x.toString();
            }
        }
    }

    private synchronized void record(long nanos) {
        if (phase == null) return;
        if (count == phase.length) phase = Arrays.copyOf(phase, count * 2);
        phase[count++] = nanos;
    }

    synchronized void begin() {
        phase = new long[1 << 14];
        count = 0;
    }

    /** Ends the phase: its p99 in milliseconds, and how many pings it saw. */
    synchronized double[] end() {
        long[] a = Arrays.copyOf(phase, count);
        phase = null;
        Arrays.sort(a);
        double p99 = a.length == 0 ? Double.NaN : a[Math.min(a.length - 1, (int) (a.length * 0.99))] / 1e6;
        return new double[] {p99, a.length};
    }

    /** Runs a phase for ms milliseconds: {p99 ms, pings}. */
    double[] measure(long ms) throws InterruptedException {
        begin();
        Thread.sleep(ms);
        return end();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) t.join(15_000);
    }
}
