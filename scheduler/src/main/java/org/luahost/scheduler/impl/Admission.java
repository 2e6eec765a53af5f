package org.luahost.scheduler.impl;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;

/**
 * The host-wide ceiling on sessions: whether one more session may start
 * ({@link #checkNewSession}). Two limits, both giving
 * {@link Kind#OVERLOADED} (the gateway's 503):
 * <ul>
 * <li>{@code HostOptions.maxSessions}: live (loaded) sessions at most;</li>
 * <li>{@code HostOptions.heapCeiling}: a fraction of the maximum heap. The
 *     heap in use is what the last collection left: the sum of the heap
 *     pools' {@linkplain MemoryPoolMXBean#getCollectionUsage collection
 *     usage} (garbage that a collection will free does not count), or, on a
 *     collector that does not report it, the heap's current use. It is read
 *     at most every {@link #PROBE_NANOS}, so a burst of starts costs one
 *     probe. Over the ceiling the host first passivates idle sessions early
 *     (the sweep of {@link HostImpl}), and refuses new ones while it stays over.</li>
 * </ul>
 *
 * <p>Threads: any thread. The probe's result is a benign race (two threads
 * may both probe; each writes a whole, recent answer).
 */
final class Admission {
    /** How often the heap is probed at most. */
    static final long PROBE_NANOS = 20_000_000L;

    private final int maxSessions;
    private final long ceilingBytes;
    private final long maxHeap;
    private final List<MemoryPoolMXBean> heapPools;
    private volatile long probedAt = System.nanoTime() - 2 * PROBE_NANOS;
    private volatile long heapUsed;

    Admission(HostOptions options) {
        this.maxSessions = options.maxSessions();
        this.maxHeap = Runtime.getRuntime().maxMemory();
        double f = options.heapCeiling();
        this.ceilingBytes = f > 0 && f < 1 && maxHeap != Long.MAX_VALUE ? (long) (f * maxHeap) : 0;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Throws {@link Kind#OVERLOADED} if a new session may not start now; live: the sessions loaded now. */
    void checkNewSession(String id, long live) {
        if (maxSessions > 0 && live >= maxSessions) {
            throw new SessionException(Kind.OVERLOADED, "cannot start session '" + id + "': the host runs its maximum of "
                    + maxSessions + " live sessions");
        }
        if (overCeiling()) {
            throw new SessionException(Kind.OVERLOADED, "cannot start session '" + id + "': the host is short of memory ("
                    + (heapUsed >> 20) + " MB of the heap's " + (maxHeap >> 20) + " MB in use, above its ceiling of "
                    + (ceilingBytes >> 20) + " MB)");
        }
    }

    /** Whether the heap is above the ceiling (probed at most every {@link #PROBE_NANOS}). */
    boolean overCeiling() {
        if (ceilingBytes == 0) return false;
        long now = System.nanoTime();
        if (now - probedAt >= PROBE_NANOS) {
            heapUsed = heapInUse();
            probedAt = now;
        }
        return heapUsed > ceilingBytes;
    }

    /** Whether there is a ceiling to watch. */
    boolean watchesHeap() { return ceilingBytes > 0; }

    private long heapInUse() {
        long sum = 0;
        boolean any = false;
        for (MemoryPoolMXBean p : heapPools) {
            MemoryUsage u = p.getCollectionUsage();
            if (u != null) {
                sum += u.getUsed();
                any = true;
            }
        }
        return any && sum > 0 ? sum : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
