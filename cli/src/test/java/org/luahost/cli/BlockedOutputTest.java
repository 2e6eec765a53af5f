package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code serve} whose stdout and stderr are pipes that nobody reads (a
 * stalled log collector, {@code serve ... | slow-consumer}): sessions that
 * print and log in a loop must not take the host with them. Before, three
 * such sessions blocked for good in {@code write} on a full pipe (each
 * holding its carrier) and every other session stopped answering; the
 * printing calls never ended. Now serve's stdout and stderr are queues of
 * their own ({@link BoundedOutput}): the loops end with the CPU budget error,
 * other sessions answer, and once the output is read again it says how much
 * was dropped. (Fails without the fix: the pings time out.)
 */
class BlockedOutputTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    CompletableFuture<HttpResponse<String>> call(int port, String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void printingAndLoggingIntoAFullPipeHoldsNoCarrier() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, """
                function ping() return 'pong' end
                function spew()
                  local line = ('p'):rep(20000)
                  while true do print(line) host.log('info', line) end
                end
                host.export{ping = ping, spew = spew}
                """);
        Process p = ServeProcess.command(script, "--port", "0", "--no-data", "--cpu-budget", "500", "--session-rate", "0",
                "--output-rate", "0")   // no output budget: this test fills the queues behind it
                .start();   // stdout and stderr: pipes, read only up to the "serving" line below
        p.getOutputStream().close();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line; port < 0 && (line = err.readLine()) != null; ) {
                Matcher m = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)").matcher(line);
                if (m.find()) port = Integer.parseInt(m.group(1));
            }
            assertTrue(port > 0, "serve started");
            List<CompletableFuture<HttpResponse<String>>> spews = new ArrayList<>();
            for (int i = 0; i < 4; i++) spews.add(call(port, "/sessions/spew" + i + "/call/spew"));
            Thread.sleep(1000);   // the pipes are full by now (64 KB each), and the queues soon after
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = call(port, "/sessions/other" + i + "/call/ping").get(30, TimeUnit.SECONDS);
                assertEquals("[\"pong\"]", r.body(), "another session answers while the output is blocked");
            }
            for (CompletableFuture<HttpResponse<String>> f : spews) {
                HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                assertEquals(500, r.statusCode(), r.body());
                assertTrue(r.body().contains("CPU budget exceeded (500 ms per turn)"), r.body());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException e) {
                    // gone
                }
            });
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = p.getInputStream().read(buf)) > 0; ) {
                        synchronized (out) {
                            out.write(buf, 0, n);
                        }
                    }
                } catch (java.io.IOException e) {
                    // gone
                }
            });
            // once read again, stdout gets what was queued, then how much was dropped
            String printed = "";
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < end; Thread.sleep(50)) {
                synchronized (out) {
                    printed = out.toString(StandardCharsets.ISO_8859_1);
                }
                if (printed.contains("bytes of output dropped")) break;
            }
            assertTrue(Pattern.compile("\nluahost: warning: \\d+ bytes of output dropped \\(the output did not keep up\\)\n")
                    .matcher(printed).find(), printed.substring(Math.max(0, printed.length() - 300)));
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve exits after SIGTERM");
            assertEquals(143, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }
}
