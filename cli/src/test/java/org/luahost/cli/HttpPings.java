package org.luahost.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * n sessions of a {@code serve} process answering pings over HTTP
 * ({@code POST /sessions/pI/call/ping}), from a few Java threads each waiting
 * for its answer before the next (a closed loop, keep-alive connections);
 * the latencies between {@link #begin} and {@link #end} make a phase's p99.
 * The HTTP counterpart of the scheduler tests' PingLoad: a loud sanity bound
 * for the adversarial tests, never a fine timing assertion.
 */
final class HttpPings implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private final int sessions;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** Latencies (nanos) of the current phase, or null between phases; guarded by this. */
    private long[] phase;
    private int count;
    /** Pings that failed, answered something else, or took longer than 20 s (there should be none). */
    volatile int failures;
    volatile String lastFailure;

    HttpPings(int port, int sessions, int drivers) throws Exception {
        this.port = port;
        this.sessions = sessions;
        for (int i = 0; i < sessions; i++) ping(i);   // start them
        for (int d = 0; d < drivers; d++) {
            int first = d;
            threads.add(Thread.ofPlatform().daemon().name("http-ping-" + d).start(() -> drive(first, drivers)));
        }
    }

    private void ping(int i) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sessions/p" + i + "/call/ping"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().equals("[\"pong\"]")) throw new IllegalStateException(r.statusCode() + " " + r.body());
    }

    private void drive(int first, int step) {
        for (int i = first; running; i = (i + step) % sessions) {
            long t0 = System.nanoTime();
            try {
                ping(i);
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
        for (Thread t : threads) t.join(25_000);
    }
}
