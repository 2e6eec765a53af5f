package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.scheduler.SessionsTest.get;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fair share among many heavy sessions (issue 13, session 17): twenty sessions
 * spinning up to their CPU budget, or twenty logging without pause, hold
 * together the heavy lane's share of the carriers (half the processors, at
 * least one), not the machine.
 *
 * <p>What is checked is the heavy sessions' CPU time (time holding a carrier,
 * their stats) over a window: at most the lane's permits times the window,
 * plus half a carrier for the first slices of turns, which run before a turn
 * is known to be long. Before, every heavy turn was throttled on its own to
 * half a carrier, so twenty of them took every carrier (about twice the bound
 * on 2 processors) and the pings of 100 light sessions went from a p99 of
 * 10-20 ms to 0.2-0.8 s in a real serve. The pings' p99 is also checked, as in
 * {@link HostHardeningTest}, against 5x the quiet run's floored at
 * {@link #P99_FLOOR_MS}: a loud sanity bound, not a measurement. The CPU
 * figure does not depend on the machine's load: a carrier counts as held while
 * the OS runs something else.
 */
class FairShareTest {
    static final double P99_FLOOR_MS = 100;
    static final int HEAVY = 20;
    static final long WINDOW_MS = 3000;
    /** The lane's permits: what the host gives heavy work (see the scheduler's impl.Lane). */
    static final int LANE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    static final String SCRIPT = """
            function ping(x) return x end
            function spin() local n = 0 while true do n = n + 1 end end
            function logs() local piece = ('x'):rep(1000) while true do host.log('info', piece) end end
            function sends(to) local piece = ('x'):rep(100) while true do pcall(host.send, to, piece) end end
            function on_message() end
            """;

    Vertx vertx;
    LuaHost host;
    volatile boolean driving;

    @BeforeEach
    void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().verticles(2).output(new PrintStream(OutputStream.nullOutputStream()))
                .defaultScript(Script.of("fair.lua", SCRIPT)));
        get(host.ready());
    }

    @AfterEach
    void down() throws Exception {
        driving = false;
        CloseReport r = get(host.close(Duration.ofSeconds(10)));
        assertTrue(r.clean(), "the host closes cleanly: " + r);
        get(vertx.close());
    }

    /** Calls fn on s again each time the last call ended, until driving stops. */
    void drive(Session s, String fn, Object... args) {
        if (!driving) return;
        s.call(fn, args).onComplete(ar -> drive(s, fn, args));
    }

    long cpu(List<Session> ss) {
        long n = 0;
        for (Session s : ss) n += s.stats().cpuNanos();
        return n;
    }

    /**
     * Starts HEAVY sessions of prefix calling fn without end (turns of 20 ms
     * of CPU each, then the budget error) while 100 light sessions answer
     * pings; checks the heavy sessions' CPU over the window and the pings.
     * toSinks: each heavy session gets a session of its own as fn's argument,
     * whose CPU counts as heavy too.
     */
    void heavyPhase(String prefix, String fn, boolean toSinks) throws Exception {
        SessionOptions heavy = new SessionOptions().cpuBudget(Duration.ofMillis(20));
        List<Session> hs = new ArrayList<>();
        for (int i = 0; i < HEAVY; i++) hs.add(get(host.session(prefix + i, Script.of("fair.lua", SCRIPT), heavy)));
        if (toSinks) {
            for (int i = 0; i < HEAVY; i++) hs.add(get(host.session(prefix + "sink" + i, Script.of("fair.lua", SCRIPT), heavy)));
        }
        try (PingLoad pings = new PingLoad(host, prefix + "ping", 100, 4)) {
            pings.measure(300);   // warm-up
            double[] quiet = pings.measure(1000);
            driving = true;
            for (int i = 0; i < HEAVY; i++) {
                if (toSinks) drive(hs.get(i), fn, prefix + "sink" + i);
                else drive(hs.get(i), fn);
            }
            Thread.sleep(1000);   // every heavy session is heavy by now
            pings.begin();
            long c0 = cpu(hs), t0 = System.nanoTime();
            Thread.sleep(WINDOW_MS);
            long c1 = cpu(hs), t1 = System.nanoTime();
            double[] during = pings.end();
            driving = false;
            double carriers = (double) (c1 - c0) / (t1 - t0);
            double limit = 5 * Math.max(quiet[0], P99_FLOOR_MS);
            System.err.printf("%d x %s: the heavy sessions held %.2f carriers (lane %d); pings p99 quiet %.2f ms (%d pings), "
                    + "under load %.2f ms (%d pings)%n", HEAVY, fn, carriers, LANE, quiet[0], (long) quiet[1], during[0], (long) during[1]);
            assertTrue(carriers <= LANE + 0.5, HEAVY + " x " + fn + ": the heavy sessions held " + carriers + " carriers, the lane allows " + LANE);
            assertTrue(during[1] > 0, fn + ": pings were answered");
            assertTrue(during[0] <= limit, fn + ": pings p99 " + during[0] + " ms under load, quiet " + quiet[0] + " ms");
            assertEquals(0, pings.failures, fn + ": failed pings: " + pings.lastFailure);
        }
        for (Session s : hs) get(host.kill(s.id(), "the phase is over"));
    }

    @Test
    void twentySpinningSessionsHoldTheLanesShare() throws Exception {
        heavyPhase("spin", "spin", false);
    }

    @Test
    void twentyLoggingSessionsHoldTheLanesShare() throws Exception {
        heavyPhase("log", "logs", false);
    }

    // Twenty sessions flooding twenty others with messages are not here: the receivers' backlogs (up to the
    // mailbox bounds, millions of envelopes) survive young collections, and the collector's pauses, not the
    // carriers, stop the pings (p99 about 2 s, with and without the lane): docs/hardening-hunt-13.md, session 17.
}
