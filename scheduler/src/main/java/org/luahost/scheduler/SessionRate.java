package org.luahost.scheduler;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's per-client rate of session starts: one token bucket per
 * client key (principal name or remote address), refilled at rate per
 * second up to burst. At most 10,000 buckets are kept: past that, the full
 * ones (clients quiet long enough to have their whole burst back) are
 * dropped, which forgets nothing that matters.
 *
 * <p>Threads: any (each bucket under its own lock).
 */
final class SessionRate {
    private static final int MAX_BUCKETS = 10_000;
    private final double rate;
    private final int burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final class Bucket {
        double tokens = burst;
        long last = System.nanoTime();

        /** Takes a token: 0, or the seconds until one is there. */
        synchronized long take() {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        }

        synchronized boolean full() {
            refill();
            return tokens >= burst;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
        }
    }

    SessionRate(double rate, int burst) {
        this.rate = rate;
        this.burst = burst;
    }

    /** Takes one start for client: 0 when allowed, else the seconds to wait (Retry-After). */
    long take(String client) {
        if (rate <= 0) return 0;
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(Bucket::full);
            if (buckets.size() > 2 * MAX_BUCKETS) buckets.clear();   // a flood of clients: start over rather than grow
        }
        return buckets.computeIfAbsent(client, k -> new Bucket()).take();
    }
}
