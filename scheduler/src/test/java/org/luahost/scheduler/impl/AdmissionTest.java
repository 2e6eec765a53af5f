package org.luahost.scheduler.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.SessionException;

/**
 * The heap ceiling decides a refusal on a fresh reading (issue 13): the
 * sessions' charges are their states' estimates, which count the garbage
 * each allocated since its last Lua collection (up to twice the live data),
 * so near the ceiling their sum refused sessions the heap had room for.
 * Now a would-be refusal first takes a full collection and reads again (at
 * most once per period), and the garbage it finds in the charges is
 * discounted; real live data is still refused. In-process, about a second.
 */
class AdmissionTest {
    static final long MB = 1 << 20;

    /** A ceiling 64 MB above what the heap holds after a full collection now. */
    static HostOptions ceilingAboveLive(long bytes) {
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new HostOptions().heapCeiling((double) (live + bytes) / Runtime.getRuntime().maxMemory());
    }

    @Test
    void garbageInTheChargesDoesNotRefuseButLiveDataDoes() throws InterruptedException {
        AtomicLong charges = new AtomicLong(96 * MB);   // estimates counting 96 MB, of which the heap holds next to nothing
        Admission a = new Admission(ceilingAboveLive(64 * MB), charges::get);
        a.checkNewSession("s1", 1);   // before: refused, "96 MB ... above its ceiling"
        assertEquals(1, a.freshReadings());
        for (int i = 0; i < 100; i++) a.checkNewSession("s" + i, 1);   // the discount holds: no more collections
        assertEquals(1, a.freshReadings(), "one fresh reading per period");
        charges.addAndGet(128 * MB);   // new allocation after the reading counts in full (from the next probe on)
        Thread.sleep(2 * Admission.PROBE_NANOS / 1_000_000);
        SessionException e = assertThrows(SessionException.class, () -> a.checkNewSession("more", 1));
        assertEquals(SessionException.Kind.OVERLOADED, e.kind());
        assertEquals(1, a.freshReadings(), "still one: at most one full collection per period");
    }

    @Test
    void liveDataIsRefusedAfterTheFreshReading() {
        AtomicLong charges = new AtomicLong(0);
        Admission a = new Admission(ceilingAboveLive(64 * MB), charges::get);
        byte[][] live = new byte[96][];
        for (int i = 0; i < live.length; i++) live[i] = new byte[(int) MB];
        charges.set(96 * MB);
        SessionException e = assertThrows(SessionException.class, () -> a.checkNewSession("s", 1));
        assertTrue(e.getMessage().contains("short of memory"), e.getMessage());
        assertEquals(1, a.freshReadings());
        assertEquals(96, live.length);   // held to here
    }

    /**
     * A would-be refusal on a Vert.x event loop (the gateway starting a
     * session, a readiness probe) never takes the full collection there:
     * the refusal stands at once, the fresh reading runs on a thread of its
     * own, and the next start decides on it (before: System.gc ran on the
     * event loop, blocking every connection of that loop for a collection).
     */
    @Test
    void aFreshReadingNeverRunsOnAnEventLoop() throws Exception {
        AtomicLong charges = new AtomicLong(96 * MB);   // garbage in the charges, as in the first test
        Admission a = new Admission(ceilingAboveLive(64 * MB), charges::get);
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            java.util.function.Supplier<Object> onLoop = () -> {
                java.util.concurrent.CompletableFuture<Object> f = new java.util.concurrent.CompletableFuture<>();
                vertx.runOnContext(v -> {
                    try {
                        a.checkNewSession("s", 1);
                        f.complete("admitted");
                    } catch (SessionException e) {
                        f.complete(e.kind());
                    }
                });
                return f.join();
            };
            assertEquals(SessionException.Kind.OVERLOADED, onLoop.get(), "refused at once on the event loop");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (a.freshReadings() == 0) {
                assertTrue(System.nanoTime() < deadline, "the fresh reading ran elsewhere");
                Thread.sleep(10);
            }
            assertEquals("admitted", onLoop.get(), "the next start decides on the fresh reading");
            assertEquals(1, a.freshReadings());
        } finally {
            vertx.close().await();
        }
    }
}
