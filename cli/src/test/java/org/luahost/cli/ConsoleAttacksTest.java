package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the console's routes of a real {@code luahost serve} (issue 13,
 * after issue 15 added the console): what a user token or a hostile session
 * can make the console do.
 * <ul>
 * <li>A session that holds one 1 MB string under 40,000 keys (40 MB of
 *     state, 40 GB as JSON): its globals view, open to every user token,
 *     stays a bounded answer (strings cut, nodes limited), which before was
 *     encoded whole on the event loop (blocked 36 s, then failed); others answer meanwhile.</li>
 * <li>A session with 100,000 globals: the view shows the first entries of
 *     {@code next}'s order and counts the rest, as for any table (sorting all
 *     of a _G of two million took 15 s of a core per request).</li>
 * <li>A stored snapshot's globals and its export, asked 8 times at once:
 *     one whole-snapshot read at a time, the others get 503 (eight globals
 *     reads at once of a 400 MB snapshot held 3 GB of heap and the gateway's
 *     workers, ten exports to slow readers 7 GB; pings timed out).</li>
 * <li>Session ids the gateway refuses (empty, control characters, a sender
 *     name, 300 characters) are refused by eval and import too (400), so the admin's
 *     routes make no session a client could not name.</li>
 * <li>Event streams: at most 64 open (each gets the session table every
 *     second, buffered even for a client that does not read).</li>
 * <li>A session raising 20 MB error messages, from calls and from
 *     {@code on_message}: before, each answer carried all 20 MB, each
 *     on_message failure wrote 20 MB to the log, and the host kept 20 of
 *     them per session for the console (400 MB, charged to nobody). Now
 *     answers, the log and the recent errors keep the first 16 KB
 *     ({@code LuaJson.brief}); the Lua side still sees all of it.</li>
 * </ul>
 */
class ConsoleAttacksTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String USER = "user-token-123", ADMIN = "admin-token-456";

    HttpResponse<String> send(ServeProcess s, String method, String path, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void attacksOnTheConsole() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, """
                function ping() return 'pong' end
                function hoard(n)
                  local s = ('x'):rep(1 << 20)
                  hoard_ = {}
                  for i = 1, n do local t = {} hoard_[i] = t for j = 1, 200 do t[j] = s end end
                  bigkey = {[s] = {[s] = s}}
                  return n
                end
                function many(n) for i = 1, n do _G['g' .. i] = i end return n end
                host.export{ping = ping, hoard = hoard, many = many}
                """);
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", USER, "--admin-token", ADMIN,
                "--memory-limit", "256", "--cpu-budget", "0");
        try {
            assertEquals("[200]", send(s, "POST", "/sessions/hoarder/call/hoard", "[200]".getBytes(), USER).body());
            long t0 = System.nanoTime();
            HttpResponse<String> g = send(s, "GET", "/console/api/sessions/hoarder/globals", null, USER);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.err.printf("globals of 40,000 references to a 1 MB string: %d, %d bytes after %d ms%n",
                    g.statusCode(), g.body().length(), ms);
            assertEquals(200, g.statusCode(), g.body().length() > 300 ? g.body().substring(0, 300) : g.body());
            assertTrue(g.body().length() < 8 << 20, "the globals view is bounded: " + g.body().length() + " bytes");
            JsonArray top = new JsonObject(g.body()).getJsonObject("tree").getJsonArray("entries");
            JsonObject hoard = null, bigkey = null;
            for (Object o : top) {
                JsonObject e = (JsonObject) o;
                String k = e.getJsonObject("key").getString("value");
                if (k.equals("hoard_")) hoard = e.getJsonObject("value");
                if (k.equals("bigkey")) bigkey = e.getJsonObject("value");
            }
            JsonObject first = hoard.getJsonArray("entries").getJsonObject(0).getJsonObject("value")
                    .getJsonArray("entries").getJsonObject(0).getJsonObject("value");
            assertEquals("string", first.getString("type"));
            assertEquals(true, first.getBoolean("truncated"), first.encode().substring(0, 100));
            assertEquals(1 << 20, first.getInteger("length"));
            assertTrue(hoard.getInteger("more") > 0 || hoard.encode().contains("\"more\":"), "entries left out are counted");
            assertTrue(bigkey.encode().length() < 10_000, "a 1 MB key shows cut: " + bigkey.encode().length() + " bytes");
            assertEquals("[\"pong\"]", send(s, "POST", "/sessions/other/call/ping", "[]".getBytes(), USER).body());
            // a _G of 100,000 globals (and ping, hoard, many): the first entries of next's order, the rest counted
            assertEquals("[100000]", send(s, "POST", "/sessions/many/call/many", "[100000]".getBytes(), USER).body());
            JsonObject many = new JsonObject(send(s, "GET", "/console/api/sessions/many/globals", null, USER).body()).getJsonObject("tree");
            assertEquals(100_003, many.getJsonArray("entries").size() + many.getInteger("more"), many.encode().substring(0, 200));
            // its snapshot's globals, asked 8 times at once: one read at a time, the others 503 (before: all at once)
            long deadline = System.nanoTime() + 60_000_000_000L;
            JsonArray hist;
            while ((hist = new JsonArray(send(s, "GET", "/console/api/store/many", null, USER).body())).isEmpty()
                    || hist.getJsonObject(0).getLong("size") < 500_000) {
                assertTrue(System.nanoTime() < deadline, "the session was not saved: " + hist);
                Thread.sleep(100);
            }
            String path = "/console/api/sessions/many/globals?seq=" + hist.getJsonObject(0).getLong("seq");
            java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // the exports take the same permit: 4 of each
                String p = i % 2 == 0 ? path : "/console/api/store/many/export";
                reads.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + p))
                        .header("Authorization", "Bearer " + USER).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            int ok = 0, busy = 0;
            for (var f : reads) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) ok++;
                else if (r.statusCode() == 503 && r.body().contains("the console is reading another snapshot")) busy++;
                else throw new AssertionError(r.statusCode() + ": " + r.body());
            }
            System.err.printf("8 snapshot reads at once (globals, exports): %d answered, %d refused (503)%n", ok, busy);
            assertTrue(ok >= 1 && busy >= 1, ok + " answered, " + busy + " refused");
            assertEquals(400, send(s, "GET", "/console/api/sessions/many/globals?seq=x", null, USER).statusCode());
            assertEquals(200, send(s, "GET", path, null, USER).statusCode(), "a bad seq does not keep the read permit");
            assertEquals(404, send(s, "GET", "/console/api/store/many/export?seq=999", null, USER).statusCode());
            assertEquals(200, send(s, "GET", "/console/api/store/many/export", null, USER).statusCode(), "nor does a 404");

            // ids the gateway refuses: eval and import refuse them too
            byte[] snap = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/console/api/store/other/export"))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            for (String id : new String[] {"%00x", "ws:alice", "http", "x".repeat(300)}) {
                HttpResponse<String> ev = send(s, "POST", "/console/api/sessions/" + id + "/eval", "return 1".getBytes(), ADMIN);
                assertEquals(400, ev.statusCode(), id + ": " + ev.body());
                HttpResponse<String> im = send(s, "PUT", "/console/api/store/" + id, snap, ADMIN);
                assertEquals(400, im.statusCode(), id + ": " + im.body());
            }
            assertEquals(400, send(s, "PUT", "/console/api/store/", snap, ADMIN).statusCode());
            assertTrue(!send(s, "GET", "/console/api/store", null, ADMIN).body().contains("\"id\":\"ws:"), "nothing imported");

            // event streams: at most 64 open, the next gets 503; one closed makes room again
            java.util.List<java.net.Socket> streams = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) streams.add(openStream(s));
                for (java.net.Socket so : streams) assertTrue(head(so).startsWith("HTTP/1.1 200"));
                HttpResponse<String> more = send(s, "GET", "/console/api/stream", null, USER);
                assertEquals(503, more.statusCode(), more.body());
                assertTrue(more.body().contains("too many console streams are open (at most 64)"), more.body());
                streams.removeFirst().close();
                long until = System.nanoTime() + 20_000_000_000L;
                java.net.Socket again;
                while (!head(again = openStream(s)).startsWith("HTTP/1.1 200")) {
                    again.close();
                    assertTrue(System.nanoTime() < until, "a closed stream made no room");
                    Thread.sleep(100);
                }
                streams.add(again);
            } finally {
                for (java.net.Socket so : streams) so.close();
            }
        } catch (Throwable t) {
            s.process().destroyForcibly();
            throw t;
        }
        String err = ServeCommandTest.terminate(s);
        assertEquals(143, s.process().exitValue(), err);
        assertTrue(!err.contains("Thread blocked"), "no event loop was blocked: " + err);
    }

    static java.net.Socket openStream(ServeProcess s) throws Exception {
        java.net.Socket so = new java.net.Socket("127.0.0.1", s.port());
        so.setSoTimeout(20_000);
        so.getOutputStream().write(("GET /console/api/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + USER
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return so;
    }

    /** The status line of the answer on so. */
    static String head(java.net.Socket so) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int ch; (ch = so.getInputStream().read()) != -1 && ch != '\n';) b.append((char) ch);
        return b.toString().strip();
    }

    @Test
    void hugeErrorMessagesAreCut() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, """
                function fail(n) error(('y'):rep(n), 0) end
                function on_message(from, n) error(('z'):rep(n), 0) end
                function caught(n) local ok, e = pcall(fail, n) return #e end
                host.export{fail = fail, caught = caught}
                """);
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", USER, "--admin-token", ADMIN,
                "--memory-limit", "256");
        try {
            int n = 20 << 20;
            assertEquals("[" + n + "]", send(s, "POST", "/sessions/e/call/caught", ("[" + n + "]").getBytes(), USER).body());
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = send(s, "POST", "/sessions/e/call/fail", ("[" + n + "]").getBytes(), USER);
                assertEquals(500, r.statusCode());
                assertTrue(r.body().length() < 20_000, "the error answer is cut: " + r.body().length() + " bytes");
                assertTrue(r.body().contains("yyyy... (" + (n - 16_384) + " more characters)"), r.body().substring(0, 100));
                assertEquals(202, send(s, "POST", "/sessions/e/send", ("[" + n + "]").getBytes(), USER).statusCode());
            }
            assertEquals("[1]", send(s, "POST", "/sessions/e/call/caught", "[1]".getBytes(), USER).body());   // after the messages
            HttpResponse<String> d = send(s, "GET", "/console/api/sessions/e", null, USER);
            JsonArray errors = new JsonObject(d.body()).getJsonArray("recentErrors");
            assertEquals(10, errors.size(), "the calls' and on_message's failures are kept");
            assertTrue(d.body().length() < 10 * 40_000, "the recent errors are cut: " + d.body().length() + " bytes");
            assertTrue(Files.size(s.err()) < 1 << 20, "the log is not flooded: " + Files.size(s.err()) + " bytes");
        } catch (Throwable t) {
            s.process().destroyForcibly();
            throw t;
        }
        String err = ServeCommandTest.terminate(s);
        assertEquals(143, s.process().exitValue(), err);
    }
}
