package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.luahost.persistence.SessionStore;

/**
 * The console's JSON routes of a real {@code luahost serve} (issue 15),
 * without a browser: who may do what (401 without a token, 403 for eval and
 * store writes with the user token), eval, the session detail with its
 * recent errors, and the store's operations as routes: list, history,
 * export, import, delete, backup (a store that opens and holds the sessions).
 */
class ConsoleRoutesTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    static final String USER = "user-token-123", ADMIN = "admin-token-456";

    HttpResponse<byte[]> send(ServeProcess s, String method, String path, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String text(HttpResponse<byte[]> r) { return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8); }

    @Test
    void routesAndRights() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, """
                counter = counter or 0
                function inc() counter = counter + 1 return counter end
                function on_message(from, m) error('cannot ' .. tostring(m)) end
                host.export{inc = inc}
                """);
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", USER, "--admin-token", ADMIN,
                "--save-interval", "0");
        try {
            assertEquals(200, send(s, "GET", "/console/", null, null).statusCode());   // the page: nothing secret
            assertTrue(text(send(s, "GET", "/console/app.js", null, null)).contains("luahost console"));
            assertEquals(401, send(s, "GET", "/console/api/sessions", null, null).statusCode());
            assertEquals(401, send(s, "GET", "/console/api/sessions", null, "wrong-token-9").statusCode());
            assertEquals(200, send(s, "POST", "/sessions/a/call/inc", "[]".getBytes(), USER).statusCode());
            assertEquals(200, send(s, "POST", "/sessions/a/call/inc", "[]".getBytes(), USER).statusCode());
            assertEquals(202, send(s, "POST", "/sessions/a/send", "[\"fly\"]".getBytes(), USER).statusCode());

            JsonObject me = new JsonObject(text(send(s, "GET", "/console/api/whoami", null, USER)));
            assertEquals(false, me.getBoolean("admin"));
            assertEquals(403, send(s, "POST", "/console/api/sessions/a/eval", "return 1".getBytes(), USER).statusCode());
            HttpResponse<byte[]> ev = send(s, "POST", "/console/api/sessions/a/eval", "return counter + 1, 'x'".getBytes(), ADMIN);
            assertEquals(200, ev.statusCode(), text(ev));
            assertEquals(new JsonArray().add(3).add("x"), new JsonObject(text(ev)).getJsonArray("results"));
            HttpResponse<byte[]> bad = send(s, "POST", "/console/api/sessions/a/eval", "error('no')".getBytes(), ADMIN);
            assertEquals(500, bad.statusCode());
            assertTrue(new JsonObject(text(bad)).getString("traceback").contains("stack traceback"), text(bad));

            JsonObject a = new JsonObject(text(send(s, "GET", "/console/api/sessions/a", null, USER)));
            assertEquals("live", a.getString("state"));
            JsonArray errors = a.getJsonArray("recentErrors");
            assertEquals(2, errors.size(), a.encode());   // newest first: the eval, then on_message
            assertEquals("on_message", errors.getJsonObject(1).getString("handler"));
            assertTrue(errors.getJsonObject(1).getString("message").contains("cannot fly"));
            assertTrue(a.getJsonArray("history").size() >= 1, a.encode());
            JsonObject g = new JsonObject(text(send(s, "GET", "/console/api/sessions/a/globals", null, USER)));
            assertEquals("live", g.getString("source"));
            assertTrue(g.getJsonObject("tree").encode().contains("\"counter\""), g.encode());

            // the store's operations
            JsonArray list = new JsonArray(text(send(s, "GET", "/console/api/store", null, USER)));
            assertEquals("a", list.getJsonObject(0).getString("id"));
            JsonArray history = new JsonArray(text(send(s, "GET", "/console/api/store/a", null, USER)));
            long seq = history.getJsonObject(0).getLong("seq");
            HttpResponse<byte[]> export = send(s, "GET", "/console/api/store/a/export?seq=" + seq, null, USER);
            assertEquals(200, export.statusCode());
            assertEquals(404, send(s, "GET", "/console/api/store/a/export?seq=999", null, USER).statusCode());
            assertEquals(403, send(s, "PUT", "/console/api/store/b", export.body(), USER).statusCode());
            HttpResponse<byte[]> imp = send(s, "PUT", "/console/api/store/b", export.body(), ADMIN);
            assertEquals(200, imp.statusCode(), text(imp));
            assertEquals(409, send(s, "PUT", "/console/api/store/a", export.body(), ADMIN).statusCode());   // live
            assertEquals(500, send(s, "PUT", "/console/api/store/c", new byte[] {1, 2, 3}, ADMIN).statusCode());
            JsonObject b = new JsonObject(text(send(s, "GET", "/console/api/sessions/b/globals", null, USER)));
            assertTrue(b.getString("source").startsWith("snapshot"), b.encode());
            assertEquals("[3]", text(send(s, "POST", "/sessions/b/call/inc", "[]".getBytes(), USER)));   // b has a's counter, 2

            Path backup = dir.resolve("data").resolve("backups").resolve("sessions.db");   // the default backup folder
            String q = "/console/api/store/backup?path=sessions.db";
            assertEquals(403, send(s, "POST", q, null, USER).statusCode());
            assertEquals(200, send(s, "POST", q, null, ADMIN).statusCode());
            try (SessionStore copy = SessionStore.sqlite(backup.getParent())) {
                assertEquals(2, copy.list().toCompletableFuture().get(30, TimeUnit.SECONDS).size());
                assertArrayEquals(export.body(), copy.load("a", seq).toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow().bytes());
            }

            assertEquals(204, send(s, "DELETE", "/sessions/b", null, ADMIN).statusCode());   // stop b, then delete it
            assertEquals(403, send(s, "DELETE", "/console/api/store/b", null, USER).statusCode());
            assertEquals(200, send(s, "DELETE", "/console/api/store/b", null, ADMIN).statusCode());
            assertEquals(0, new JsonArray(text(send(s, "GET", "/console/api/store/b", null, USER))).size());

            // The sampler takes one sample a second from its start; on a fast machine the steps above
            // can all finish inside that first second, so wait (bounded) for the first sample.
            JsonArray host = new JsonArray();
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); host.isEmpty() && System.nanoTime() < end; ) {
                host = new JsonArray(text(send(s, "GET", "/console/api/host", null, USER)));
                if (host.isEmpty()) Thread.sleep(200);
            }
            assertTrue(host.size() >= 1, "a sample a second");
            assertTrue(host.getJsonObject(host.size() - 1).getLong("heapUsed") > 0);
        } finally {
            s.process().destroy();
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
