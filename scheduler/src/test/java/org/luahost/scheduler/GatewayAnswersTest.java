package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luahost.coroutines.Async;
import org.luahost.vm.LuaState;

/**
 * Every answer of the gateway that is not a success has a JSON body and the
 * status that says what happened (issue 13): a call whose session does not
 * answer within the gateway's deadline gets 504 (and its late result breaks
 * nothing); a request line of another HTTP version gets 505, a WebSocket
 * handshake Vert.x would refuse gets 400/426, where Vert.x answered 501 with
 * no body, a plain-text 400 and an empty 426; a JSON number beyond a double
 * is refused with 400; a result JSON cannot hold (inf, a function) is 422
 * naming the gateway call and the path, where it was a 500 with wording meant
 * for {@code host.send}.
 */
class GatewayAnswersTest {
    static Vertx vertx;
    static LuaHost host;
    static HttpServer server;
    static int port;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final String SCRIPT = """
            function ping() return 'pong' end
            function sleep(ms) host.sleep(ms) return 'slept' end
            function never() return never_completes() end
            function ask(id) return host.call(id, 'sleep', 2000) end
            function id(...) return ... end
            function inf() return 1/0 end
            function fn() return 1, {a = {b = print}} end
            host.export{ping = ping, sleep = sleep, never = never, ask = ask, id = id, inf = inf, fn = fn}
            """;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().defaultScript(Script.of("app.lua", SCRIPT))
                .sessionDefaults(new SessionOptions().awaitTimeout(Duration.ofSeconds(20)))
                .output(new PrintStream(new ByteArrayOutputStream()))
                .listener(new SessionListener() {
                    @Override
                    public void created(Session s, LuaState L) {
                        L.setGlobal("never_completes", Async.function("never_completes", (th, a) -> new CompletableFuture<>()));
                    }
                }));
        SessionsTest.get(host.ready());
        server = SessionsTest.get(Gateway.start(host, new GatewayOptions().port(0).callDeadline(Duration.ofMillis(700))));
        port = server.actualPort();
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(host.close(Duration.ofSeconds(10)));
        SessionsTest.get(vertx.close());
    }

    static HttpResponse<String> call(String session, String fn, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sessions/" + session + "/call/" + fn))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String error(HttpResponse<String> r) { return new JsonObject(r.body()).getString("error"); }

    @Test
    void aCallWithoutAResultWithinTheDeadlineIs504() throws Exception {
        for (String[] c : new String[][] {{"d1", "sleep", "[3000]"}, {"d2", "never", "[]"}, {"d3", "ask", "[\"d4\"]"}}) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = call(c[0], c[1], c[2]);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(504, r.statusCode(), c[1] + ": " + r.body());
            assertTrue(error(r).contains("the call of '" + c[1] + "' in session '" + c[0] + "' gave no result within 700 ms"),
                    r.body());
            assertTrue(ms < 10_000, c[1] + " answered after " + ms + " ms");
        }
        // the late results are dropped; the sessions answer their next calls
        Thread.sleep(3500);
        for (String s : new String[] {"d1", "d3", "d4"}) {
            HttpResponse<String> r = call(s, "ping", "[]");
            assertEquals(200, r.statusCode(), s + ": " + r.body());
            assertEquals("[\"pong\"]", r.body());
        }
    }

    @Test
    void aJsonNumberBeyondADoubleIsRefused() throws Exception {
        for (String[] c : new String[][] {{"[1e999999]", "argument 1", "inf"}, {"[2, {\"a\": [1, -1e999999]}]", "argument 2.a[2]", "-inf"},
                {"[" + "9".repeat(400) + "]", "argument 1", "inf"}}) {
            HttpResponse<String> r = call("j", "id", c[0]);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(error(r).contains("a JSON number out of range") && error(r).endsWith(" at " + c[1]), r.body());
            assertTrue(error(r).contains("it would be " + c[2] + ")"), r.body());
        }
        HttpResponse<String> tiny = call("j", "id", "[1e-999999]");   // the nearest double
        assertEquals(200, tiny.statusCode(), tiny.body());
        assertEquals("[0.0]", tiny.body());
    }

    @Test
    void aResultJsonCannotHoldIs422NamingTheCallAndThePath() throws Exception {
        HttpResponse<String> r = call("v", "inf", "[]");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(error(r).contains("cannot encode inf") && error(r).contains("result[1]"), r.body());
        r = call("v", "fn", "[]");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("cannot return a function value as the result of the gateway call of 'fn' (result 2.a.b)", error(r));
    }

    @Test
    void otherHttpVersionsAndBadHandshakesGetAJsonBody() throws Exception {
        for (String line : new String[] {"GET /sessions/x/call/ping HTTP/2.0", "PRI * HTTP/2.0", "GET / HTTP/1.2", "GET / HTTP/0.9"}) {
            String a = raw(line + "\r\nHost: x\r\n\r\n");
            String version = line.substring(line.lastIndexOf(' ') + 1);
            assertTrue(a.startsWith("HTTP/1.1 505 "), line + ": " + a);
            assertTrue(a.contains("{\"error\":\"HTTP version '" + version + "' not supported (use HTTP/1.1)\"}"), a);
        }
        String h = "GET /sessions/w/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
        String noKey = raw(h + "Sec-WebSocket-Version: 13\r\n\r\n");
        assertTrue(noKey.startsWith("HTTP/1.1 400 ") && noKey.contains("{\"error\":\"a WebSocket handshake needs a Sec-WebSocket-Key"),
                noKey);
        String badVersion = raw(h + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n");
        assertTrue(badVersion.startsWith("HTTP/1.1 426 ") && badVersion.toLowerCase().contains("sec-websocket-version: 13")
                && badVersion.contains("{\"error\":\"a WebSocket handshake needs Sec-WebSocket-Version: 13 (not '99')\"}"), badVersion);
        String ok = raw(h + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 101 "), ok);
    }

    /** Sends request on a new connection; returns what comes back until the server closes it, a body ends, or 5 s pass. */
    static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    String t = out.toString(StandardCharsets.ISO_8859_1);
                    if (t.contains("}") || t.startsWith("HTTP/1.1 101 ") && t.contains("\r\n\r\n")) break;
                }
            } catch (java.net.SocketTimeoutException e) {
                // nothing more
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
