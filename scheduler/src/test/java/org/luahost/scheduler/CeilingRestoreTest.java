package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.SessionException.Kind;

/**
 * Passivated sessions coming back while memory is short (issue 13, left from
 * session 7): four sessions of 50,000 strings (about 190 MB each, as
 * estimated) are passivated, then all four are called at once on a host whose
 * heap ceiling leaves room for about 3.5 of them. Before, the ceiling was checked against the heap only, which does
 * not show a restore until it ran (and a full collection after it): all four
 * came back at once (in a real serve, six 500 MB sessions into a 4 GB heap
 * ran it out of memory; pings timed out). Now each restore reserves what the
 * session held when it was passivated: at most three come back, the others
 * get OVERLOADED (the gateway's 503) naming the restore, and once memory is
 * free again every one of them answers.
 */
class CeilingRestoreTest {
    static final String SCRIPT = """
            function build(n) big = {} for i = 1, n do big[i] = ('x'):rep(2000) .. i end return #big end
            function size() return big and #big or 0 end
            """;
    static final int N = 50_000;

    @TempDir Path dir;

    @Test
    void restoresReserveTheirMemory() throws Exception {
        Vertx vertx = Vertx.vertx();
        long size = estimate(vertx);
        System.gc();
        long base = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        double f = (double) (base + size * 7 / 2) / Runtime.getRuntime().maxMemory();   // room for about 3.5 of them
        SessionStore store = SessionStore.sqlite(dir);
        LuaHost host = LuaHost.create(vertx, new HostOptions().store(store).verticles(2).heapCeiling(f)
                .idleTimeout(Duration.ofMillis(300)).sessionDefaults(new SessionOptions().memoryLimit(0).cpuBudget(Duration.ZERO))
                .defaultScript(Script.of("big.lua", SCRIPT)).output(new PrintStream(new ByteArrayOutputStream())));
        try {
            SessionsTest.get(host.ready());
            String[] ids = {"r1", "r2", "r3", "r4"};
            for (String id : ids) {
                assertEquals((long) N, retrying(host, id, "build", (long) N));
                waitPassivated(host, id);
            }
            List<Future<Object[]>> calls = new ArrayList<>();
            for (String id : ids) calls.add(host.call(id, "size"));
            int restored = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<Object[]> c : calls) {
                try {
                    assertEquals((long) N, SessionsTest.get(c)[0]);
                    restored++;
                } catch (SessionException x) {
                    assertEquals(Kind.OVERLOADED, x.kind(), x.getMessage());
                    refusals.add(x.getMessage());
                }
            }
            System.err.println("restored at once: " + restored + "; refused: " + refusals);
            assertTrue(restored <= 3, restored + " sessions of " + (size >> 20) + " MB restored at once into the room of 3.5");
            assertTrue(refusals.stream().anyMatch(m -> m.matches("cannot restore session 'r\\d' \\(\\d+ MB when it was passivated\\): "
                    + "the host is short of memory .*")), refusals.toString());
            for (String id : ids) assertEquals((long) N, retrying(host, id, "size"));   // each comes back once there is room
        } finally {
            SessionsTest.get(host.close(Duration.ofSeconds(60)));
            store.close();
            SessionsTest.get(vertx.close());
        }
    }

    /** The memory estimate of a session of N entries (on a host of its own, without a ceiling). */
    static long estimate(Vertx vertx) throws Exception {
        LuaHost h = LuaHost.create(vertx, new HostOptions().verticles(1).sessionDefaults(new SessionOptions().memoryLimit(0).cpuBudget(Duration.ZERO))
                .defaultScript(Script.of("big.lua", SCRIPT)).output(new PrintStream(new ByteArrayOutputStream())));
        try {
            SessionsTest.get(h.ready());
            SessionsTest.get(h.call("probe", "build", (long) N));
            // the estimate is taken as the turn ends, which may be just after its reply
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long e;
            while ((e = h.stats().iterator().next().memoryEstimate()) < N * 2000L && System.nanoTime() < deadline) Thread.sleep(20);
            return e;
        } finally {
            SessionsTest.get(h.close(Duration.ofSeconds(20)));
        }
    }

    /** The call's first result, tried again while the host refuses it as overloaded (at most 90 s). */
    static Object retrying(LuaHost host, String id, String f, Object... args) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (;;) {
            Future<Object[]> r = host.call(id, f, args);
            try {
                return SessionsTest.get(r)[0];
            } catch (SessionException x) {
                if (x.kind() != Kind.OVERLOADED || System.nanoTime() > deadline) throw x;
                Thread.sleep(250);
            }
        }
    }

    static void waitPassivated(LuaHost host, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (host.stats().stream().anyMatch(s -> s.id().equals(id))) {
            assertTrue(System.nanoTime() < deadline, id + " was not passivated");
            Thread.sleep(50);
        }
    }
}
