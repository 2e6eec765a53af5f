package org.luahost.scheduler;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a gateway holds of requests still arriving: HTTP bodies being
 * read and WebSocket messages whose fragments are still coming, beyond the
 * first {@link #FREE} bytes of each. Each is bounded by
 * {@link GatewayOptions#maxBody} (1 MB), but there may be 10,000
 * connections: 200 WebSocket connections that each sent a megabyte of
 * fragments and no final frame held 220 MB for good, so a few loopback or
 * IPv6 addresses (1,000 connections each) could fill any heap. The sum is
 * bounded ({@link GatewayOptions#maxReceiving}, by default an eighth of the
 * heap): a request that would pass it is refused (503 for a body; the
 * WebSocket is closed, 1013 "try again later").
 * The first {@link #FREE} bytes are not counted, so that small requests (the
 * usual calls and pings) go on while large ones fill the bound.
 *
 * <p>Threads: any; the sum is atomic.
 */
final class Receiving {
    /** Bytes of each request or message that do not count. */
    static final int FREE = 16 << 10;

    private final long bound;
    private final AtomicLong held = new AtomicLong();

    Receiving(long bound) { this.bound = bound; }

    /**
     * Counts the growth of one request from had to had + n bytes (only what
     * lies past {@link #FREE}); false, counting nothing, if that would pass
     * the bound.
     */
    boolean grow(long had, long n) {
        long add = counted(had + n) - counted(had);
        if (add == 0) return true;
        for (;;) {
            long h = held.get();
            if (h + add > bound) return false;
            if (held.compareAndSet(h, h + add)) return true;
        }
    }

    /** A request of size bytes (all counted by {@link #grow}) is complete or gone. */
    void release(long size) {
        long c = counted(size);
        if (c > 0) held.addAndGet(-c);
    }

    /** Bytes held now (counted ones). */
    long held() { return held.get(); }

    private static long counted(long size) { return Math.max(0, size - FREE); }
}
