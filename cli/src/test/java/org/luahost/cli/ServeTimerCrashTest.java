package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable timers through a real {@code luahost serve} (issue 16): a timer set
 * for 2 s is saved ({@code host.persist()}), serve is killed with SIGKILL
 * before it fires and started again on the same data folder; the restarted
 * server restores the session by itself (nothing is sent to it) and the
 * timer fires once. The callback logs to stderr, which the test reads.
 */
class ServeTimerCrashTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    static final String SCRIPT = """
            fired = fired or 0
            function arm(ms)
              t = host.after(ms, function()
                fired = fired + 1
                host.log('warn', 'timer fired ' .. fired)
              end)
              host.persist()
              return ms
            end
            function get() return fired end
            host.export{arm = arm, get = get}
            """;

    @Test
    void timerSetBeforeKillFiresAfterRestart() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, SCRIPT);
        Path data = dir.resolve("data");
        ServeProcess s = ServeProcess.start(dir, data, script);
        try {
            HttpResponse<String> r = s.post(http, "/sessions/monster/call/arm", "[2000]");
            assertEquals(200, r.statusCode(), r.body());
        } finally {
            s.process().destroyForcibly();   // SIGKILL: no shutdown hook, no final save
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(s.stderr().contains("timer fired"), s.stderr());
        // the store tools read a snapshot with pending timers (its handle shows as a userdata)
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        int status = StoreCommand.run(new String[] {"--data", data.toString(), "show", "monster"},
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("fired = 0"), out.toString());
        ServeProcess again = ServeProcess.start(dir, data, script);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!again.stderr().contains("timer fired 1") && System.nanoTime() < deadline) Thread.sleep(50);
            assertFalse(!again.stderr().contains("timer fired 1"), "the timer did not fire after the restart: " + again.stderr());
            HttpResponse<String> r = again.post(http, "/sessions/monster/call/get", "[]");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("[1]", r.body());
        } finally {
            again.process().destroyForcibly();
            again.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
