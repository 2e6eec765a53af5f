package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of a real {@code luahost serve}: the admin's route,
 * Prometheus text with the host's {@code luahost_*} series, Vert.x's and
 * the JVM's, scraped while clients call sessions; no series per session.
 */
class ServeMetricsTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    static final String SCRIPT = """
            count = count or 0
            function inc() count = count + 1 return count end
            function boom() error('boom') end
            host.export{inc = inc, boom = boom}
            """;

    HttpResponse<String> get(ServeProcess s, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> call(ServeProcess s, String id, String f) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/sessions/" + id + "/call/" + f))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer user-secret-1")
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the series line name{labels} (labels exactly as written, "" for none), or NaN when absent. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void seriesMoveWhileServing() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, SCRIPT);
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", "user-secret-1", "--admin-token", "admin-secret-2",
                "--save-interval", "0", "--idle", "1");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        Thread clients = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    if (call(s, "c" + (i % 20), "inc").statusCode() == 200) answered.incrementAndGet();
                } catch (Exception e) {
                    return;
                }
            }
        });
        try {
            assertEquals(403, get(s, "/metrics", "user-secret-1").statusCode());   // the admin's, as GET /sessions
            assertEquals(401, get(s, "/metrics", null).statusCode());
            assertEquals(500, call(s, "e", "boom").statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (answered.get() < 50 && System.nanoTime() < deadline) Thread.sleep(20);
            HttpResponse<String> r = get(s, "/metrics", "admin-secret-2");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"), r.headers().toString());
            String t = r.body();
            assertTrue(value(t, "luahost_turns_total{kind=\"call\"}") >= 50, t);
            assertTrue(value(t, "luahost_turns_total{kind=\"start\"}") >= 20, t);
            assertTrue(value(t, "luahost_sessions{state=\"live\"}") >= 1, t);
            assertTrue(value(t, "luahost_turn_latency_seconds_count") >= 70, t);
            assertTrue(t.contains("luahost_turn_latency_seconds_bucket{le="), t);
            assertEquals(1, value(t, "luahost_errors_total{kind=\"LUA_ERROR\"}"), t);
            assertTrue(value(t, "luahost_saves_total{outcome=\"ok\"}") >= 1, t);
            assertTrue(value(t, "luahost_save_latency_seconds_count") >= 1, t);
            for (String series : new String[] {"luahost_sessions{state=\"starting\"}", "luahost_sessions{state=\"passivated\"}",
                    "luahost_mailbox_depth", "luahost_mailbox_depth_max", "luahost_store_queue",
                    "luahost_budget_hits_total{limit=\"cpu\"}", "luahost_budget_hits_total{limit=\"memory\"}",
                    "luahost_restores_total{outcome=\"ok\"}", "luahost_passivations_total",
                    "luahost_saves_total{outcome=\"failed\"}"}) {
                assertFalse(Double.isNaN(value(t, series)), series + " missing:\n" + t);
            }
            // Vert.x's own meters and the JVM's come with them, without a series per session
            assertTrue(t.contains("vertx_http_server_requests_total{"), t);
            assertTrue(t.contains("jvm_memory_used_bytes{"), t);
            assertFalse(t.contains("luahost.session."), "a series names a session's event-bus address");
            assertFalse(t.contains("/sessions/"), "a series names a request path");

            // session e is idle: passivated after a second, restored by its next call
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline
                    && !(value(get(s, "/metrics", "admin-secret-2").body(), "luahost_passivations_total") >= 1)) {
                Thread.sleep(100);
            }
            assertEquals(500, call(s, "e", "boom").statusCode());
            t = get(s, "/metrics", "admin-secret-2").body();
            assertTrue(value(t, "luahost_passivations_total") >= 1, t);
            assertTrue(value(t, "luahost_restores_total{outcome=\"ok\"}") >= 1, t);
            assertEquals(2, value(t, "luahost_errors_total{kind=\"LUA_ERROR\"}"), t);
        } finally {
            stop.set(true);
            clients.join();
            ServeCommandTest.terminate(s);
        }
    }
}
