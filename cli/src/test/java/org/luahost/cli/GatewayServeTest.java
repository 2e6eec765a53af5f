package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway of a real {@code luahost serve} process, through
 * java.net.http: token authentication and admin rights, export-only calls,
 * UTF-8 through a save and a restart, a deep result, a big result while
 * 100 other sessions answer pings, and the refusal to listen on every
 * interface without a token.
 */
class GatewayServeTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    static final String SCRIPT = """
            names = names or {}
            function put(k, v) names[k] = v return #v end
            function get(k) return names[k] end
            function ping() return 'pong' end
            function deep(n) local t = {} local r = t for i = 1, n do t[1] = {} t = t[1] end return r end
            function big(n) local t = {} for i = 1, n do t[i] = ('z'):rep(100) end return t end
            function secret() return 'hidden' end
            host.export{put = put, get = get, ping = ping, deep = deep, big = big}
            """;

    HttpResponse<String> send(ServeProcess s, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    Path script() throws Exception {
        Path p = dir.resolve("app.lua");
        Files.writeString(p, SCRIPT);
        return p;
    }

    @Test
    void tokensExportsAndUnicodeAcrossARestart() throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "user-secret-1\n");
        Path script = script();
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", tokenFile.toString(),
                "--admin-token", "admin-secret-2", "--save-interval", "0");
        try {
            HttpResponse<String> r = send(s, "POST", "/sessions/u/call/ping", null, "[]");
            assertEquals(401, r.statusCode());
            assertTrue(r.body().contains("\"error\""), r.body());
            assertEquals(401, send(s, "POST", "/sessions/u/call/ping", "user-secret-X", "[]").statusCode());
            assertEquals("[\"pong\"]", send(s, "POST", "/sessions/u/call/ping", "user-secret-1", "[]").body());
            assertEquals(403, send(s, "GET", "/sessions", "user-secret-1", null).statusCode());
            assertEquals(200, send(s, "GET", "/sessions", "admin-secret-2", null).statusCode());
            for (String f : new String[] {"secret", "on_message", "load", "os"}) {
                assertEquals(404, send(s, "POST", "/sessions/u/call/" + f, "user-secret-1", "[]").statusCode(), f);
            }
            assertEquals("[4]", send(s, "POST", "/sessions/u/call/put", "user-secret-1", "[\"a\", \"Zoë\"]").body());
            assertEquals("[6]", send(s, "POST", "/sessions/u/call/put", "user-secret-1", "[\"b\", \"张伟\"]").body());
            // a byte that is not UTF-8 travels as its escape, both ways
            assertEquals("[1]", send(s, "POST", "/sessions/u/call/put", "user-secret-1", "[\"c\", \"\\udcff\"]").body());
        } finally {
            assertTrue(ServeCommandTest.terminate(s).contains("sessions saved"));
        }
        s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", "user-secret-1");
        try {
            assertEquals("[\"Zoë\"]", send(s, "POST", "/sessions/u/call/get", "user-secret-1", "[\"a\"]").body());
            assertEquals("[\"张伟\"]", send(s, "POST", "/sessions/u/call/get", "user-secret-1", "[\"b\"]").body());
            assertEquals("[\"\\udcff\"]", send(s, "POST", "/sessions/u/call/get", "user-secret-1", "[\"c\"]").body());
            // no admin token given this time: the admin routes are closed to the user token
            assertEquals(403, send(s, "DELETE", "/sessions/u", "user-secret-1", null).statusCode());
        } finally {
            ServeCommandTest.terminate(s);
        }
    }

    @Test
    void deepAndBigResultsWhileOthersAnswer() throws Exception {
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script(), "--max-result", "30000000", "--cpu-budget", "20000",
                "--session-rate", "1000/200");
        try {
            HttpResponse<String> r = send(s, "POST", "/sessions/d/call/deep", null, "[5000]");
            assertTrue(r.statusCode() == 422 || r.statusCode() == 500, r.statusCode() + " " + r.body());
            assertTrue(r.body().contains("nested deeper than"), r.body());
            r = send(s, "POST", "/sessions/d/call/deep", null, "[150]");
            assertEquals(422, r.statusCode());
            assertTrue(r.body().contains("value nested deeper than 100 levels at result[1][1][1]"), r.body());
            for (int i = 0; i < 100; i++) assertEquals("[\"pong\"]", send(s, "POST", "/sessions/p" + i + "/call/ping", null, "[]").body());
            // a 20 MB result is encoded off the event loop: the 100 sessions keep answering meanwhile
            CompletableFuture<HttpResponse<String>> bigOne = http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.port() + "/sessions/big/call/big")).timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString("[200000]")).build(), HttpResponse.BodyHandlers.ofString());
            List<CompletableFuture<HttpResponse<String>>> pings = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 100; i++) {
                    pings.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/sessions/p" + i + "/call/ping"))
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
            }
            for (CompletableFuture<HttpResponse<String>> p : pings) assertEquals("[\"pong\"]", p.get(60, TimeUnit.SECONDS).body());
            HttpResponse<String> big = bigOne.get(120, TimeUnit.SECONDS);
            assertEquals(200, big.statusCode(), big.body());
            assertTrue(big.body().length() > 20_000_000, "length " + big.body().length());
            r = send(s, "POST", "/sessions/big/call/big", null, "[400000]");   // 40 MB: over the limit
            assertEquals(413, r.statusCode());
            assertTrue(r.body().contains("result size limit"), r.body());
        } finally {
            ServeCommandTest.terminate(s);
        }
    }

    @Test
    void everyInterfaceNeedsAToken() throws Exception {
        Process p = ServeProcess.command(script(), "--host", "0.0.0.0", "--port", "0", "--no-data").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("--host 0.0.0.0 is reachable from other machines: give --token (or --no-auth)"), out);
    }
}
