package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: SIGTERM while a turn is stuck (blocked in the open of a FIFO
 * that nobody writes: native code that no work check and no interrupt
 * reaches) saves every other session, names the stuck one, and ends the
 * process within {@code --shutdown-timeout} (plus the JVM's own exit);
 * {@code os.exit} in a session ends that session only.
 */
class ServeShutdownTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    static final String SCRIPT = """
            n = n or 0
            function inc() n = n + 1 return n end
            function get() return n end
            function stuck(path) local f = io.open(path) return f:read('l') end
            function bye() os.exit(3) end
            host.export{inc = inc, get = get, stuck = stuck, bye = bye}
            """;
    static final int SESSIONS = 10;
    static final int SHUTDOWN_SECONDS = 6;

    @Test
    void sigtermDuringAStuckTurnSavesTheOthersAndExitsInTime() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is needed");
        Path script = dir.resolve("app.lua");
        Files.writeString(script, SCRIPT);
        Path data = dir.resolve("data");
        ServeProcess s = ServeProcess.start(dir, data, script, "--trusted", "--save-interval", "600000",
                "--shutdown-timeout", String.valueOf(SHUTDOWN_SECONDS));
        try {
            for (int i = 0; i < SESSIONS; i++) {
                for (int k = 0; k <= i; k++) assertEquals(200, s.post(http, "/sessions/c" + i + "/call/inc", "[]").statusCode());
            }
            // os.exit ends its session only: the others go on answering
            HttpResponse<String> bye = s.post(http, "/sessions/exiter/call/bye", "[]");
            assertEquals(503, bye.statusCode(), bye.body());
            assertTrue(bye.body().contains("os.exit(3)"), bye.body());
            assertEquals("[1]", s.post(http, "/sessions/c0/call/get", "[]").body());
            CompletableFuture<HttpResponse<String>> stuck = http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/sessions/stuck/call/stuck"))
                            .POST(HttpRequest.BodyPublishers.ofString("[\"" + fifo + "\"]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            assertTrue(!stuck.isDone(), "the turn is stuck");
            long t0 = System.nanoTime();
            s.process().destroy();   // SIGTERM
            boolean exited = s.process().waitFor(SHUTDOWN_SECONDS + 10, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String err = s.stderr();
            assertTrue(exited, "still running " + ms + " ms after SIGTERM: " + err);
            System.err.println("serve exited " + ms + " ms after SIGTERM (bound " + SHUTDOWN_SECONDS + " s)");
            assertTrue(ms < (SHUTDOWN_SECONDS + 5) * 1000L, "exited " + ms + " ms after SIGTERM");
            assertTrue(err.contains("session 'stuck' was not saved: its turn (call stuck)"), err);
            assertTrue(err.contains("stopped; " + SESSIONS + " sessions saved, 1 not saved"), err);
            assertTrue(!err.contains("shutdown: null"), err);
        } finally {
            s.process().destroyForcibly();
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
        ServeProcess again = ServeProcess.start(dir, data, script, "--trusted");
        try {
            for (int i = 0; i < SESSIONS; i++) {
                assertEquals("[" + (i + 1) + "]", again.post(http, "/sessions/c" + i + "/call/get", "[]").body(), "c" + i);
            }
        } finally {
            again.process().destroy();
            again.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
