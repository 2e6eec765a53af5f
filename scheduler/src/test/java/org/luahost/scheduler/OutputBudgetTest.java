package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.scheduler.SessionsTest.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session's output budget (issue 13): {@code print}, {@code io.write},
 * {@code warn} and {@code host.log} share a token bucket of bytes per
 * session; what does not fit is dropped whole, counted and reported in the
 * log, and the turn is never held up. Before, a loop of
 * {@code host.log('info', 100 KB)} wrote 250 MB in 2 s.
 */
class OutputBudgetTest {
    Vertx vertx;
    LuaHost host;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().verticles(1).output(new PrintStream(out, true)));
        get(host.ready());
    }

    @AfterEach
    void down() throws Exception {
        get(host.close(Duration.ofSeconds(10)));
        get(vertx.close());
    }

    private int written() {
        synchronized (out) {
            return out.size();
        }
    }

    @Test
    void aFloodOfPrintAndLogIsCutToTheBudgetAndReported() throws Exception {
        SessionOptions o = new SessionOptions().outputRate(10_000).outputBurst(20_000).cpuBudget(Duration.ofSeconds(10));
        Session s = get(host.session("flood", Script.of("flood.lua", """
                function run()
                  local line = string.rep('p', 99)
                  local t0 = os.clock()
                  for i = 1, 20000 do print(line) end               -- 2 MB of print
                  for i = 1, 2000 do host.log('info', line) end     -- 200 KB of log
                  return os.clock() - t0
                end
                """), o));
        int logBefore = TestLogging.events("[flood] ppp").size();
        long t0 = System.nanoTime();
        Object[] r = get(s.call("run"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        // the budget never holds the turn up: 22,000 pieces, most dropped, in well under a second of CPU
        assertTrue(((Number) r[0]).doubleValue() < 5, "the turn ran " + r[0] + " s");
        long allowed = 20_000 + (long) (10_000 * seconds) + 200;
        int printed = written();
        int logged = TestLogging.events("[flood] ppp").size() - logBefore;
        assertTrue(printed + 100L * logged <= allowed, "written " + printed + " bytes and " + logged
                + " log lines in " + seconds + " s; the budget allows about " + allowed);
        assertTrue(printed >= 10_000, "the burst was written: " + printed);
        assertEquals(0, printed % 100, "only whole lines are written");
        // the drops are reported in the log, in one report for the interval after the first drop, counted exactly
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (TestLogging.events("session 'flood': ").isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        var reports = TestLogging.events("session 'flood': ");
        assertEquals(1, reports.size(), "one report for the burst of drops: " + reports);
        String report = reports.getFirst();
        assertTrue(report.contains("10000 bytes/s"), report);
        var m = java.util.regex.Pattern.compile("(\\d+) bytes of output dropped").matcher(report);
        assertTrue(m.find(), report);
        // print writes 100-byte lines, host.log counts its 99-byte message
        assertEquals(20_000 * 100 + 2_000 * 99, Long.parseLong(m.group(1)) + printed + 99L * logged, report);
        // the session goes on, and its budget refills
        int before = written();
        get(host.eval("flood", "print('again')"));
        assertEquals(before + 6, written(), "a line after the flood is written");
    }

    /**
     * A message over the budget is dropped before it is built: 20,000 dropped
     * host.log calls of a 1 KB string allocate next to nothing (the JVM's
     * allocation counter over the call). Before, each built its message
     * (about 5 KB of copies: 100 MB for the loop), and the young collections
     * that garbage caused paused every session of the host.
     */
    @Test
    void droppedLogMessagesAreNotBuilt() throws Exception {
        Session s = get(host.session("chatty", Script.of("chatty.lua", """
                piece = string.rep('m', 1000)
                function run(n) for i = 1, n do host.log('info', piece) end end
                """), new SessionOptions().outputRate(1).outputBurst(1).cpuBudget(Duration.ofSeconds(30))));
        get(s.call("run", 2_000));   // warm-up: compiled, the drop report armed
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getTotalThreadAllocatedBytes();
        get(s.call("run", 20_000));
        long allocated = mx.getTotalThreadAllocatedBytes() - before;
        assertTrue(allocated < 25_000_000, "20,000 dropped 1 KB messages allocated " + allocated + " bytes");
    }

    /**
     * The same for print and io.write: print asks the budget with its line's
     * length before it joins the line, io.write before it copies the string
     * (OutputBudget). Before, each dropped print of two 500-byte pieces built
     * its line three times over (a builder, a string, the bytes: about 4 KB,
     * 80 MB for the loop), each io.write copied its piece.
     */
    @Test
    void droppedPrintLinesAndWritesAreNotBuilt() throws Exception {
        Session s = get(host.session("printer", Script.of("printer.lua", """
                piece = string.rep('p', 500)
                function run(n) for i = 1, n do print(piece, piece) io.write(piece, piece) end end
                """), new SessionOptions().profile(org.luahost.vm.Profile.TRUSTED).outputRate(1).outputBurst(1)
                        .cpuBudget(Duration.ofSeconds(30))));
        get(s.call("run", 2_000));   // warm-up: compiled, the drop report armed
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getTotalThreadAllocatedBytes();
        get(s.call("run", 20_000));
        long allocated = mx.getTotalThreadAllocatedBytes() - before;
        assertTrue(allocated < 25_000_000, "20,000 dropped prints and writes of 1 KB allocated " + allocated + " bytes");
        assertEquals(0, written());
    }

    @Test
    void aRateOfZeroMeansNoLimit() throws Exception {
        Session s = get(host.session("free", Script.of("free.lua",
                "function run() local l = string.rep('q', 99) for i = 1, 20000 do print(l) end end"),
                new SessionOptions().outputRate(0)));
        get(s.call("run"));
        assertEquals(2_000_000, written());
    }
}
