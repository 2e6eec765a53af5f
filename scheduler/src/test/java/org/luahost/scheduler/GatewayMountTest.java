package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway mounted on a user's {@code vertx-web} Router beside routes of
 * the user's own (one with a BodyHandler), as {@link Gateway}'s documentation
 * shows: calls with bodies, the admin routes, WebSocket, the limits, and
 * the user's routes all answer on one server.
 */
class GatewayMountTest {
    static Vertx vertx;
    static LuaHost host;
    static HttpServer server;
    /** The same router on a server started without {@link Gateway#serve} (no header deadlines, no connection limits). */
    static HttpServer plain;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().output(new PrintStream(new ByteArrayOutputStream()))
                .defaultScript(Script.of("app.lua", """
                        function echo(...) return ... end
                        function on_message(from, v) host.push(from, v) end
                        host.export{echo = echo}
                        """)));
        SessionsTest.get(host.ready());
        Gateway gateway = Gateway.create(host, new GatewayOptions().maxBody(1000));
        Router router = Router.router(vertx);
        router.get("/health").handler(c -> c.response().end("ok"));
        router.post("/mine").handler(BodyHandler.create()).handler(c -> c.response().end("got " + c.body().asString()));
        router.route("/sessions/*").handler(c -> gateway.handle(c.request()));
        server = SessionsTest.get(Gateway.serve(vertx, vertx.createHttpServer(), Duration.ofSeconds(10), Duration.ofSeconds(60), router).listen(0, "127.0.0.1"));
        plain = SessionsTest.get(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(server.close());
        SessionsTest.get(plain.close());
        SessionsTest.get(host.close());
        SessionsTest.get(vertx.close());
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends request on a raw socket; the status line and headers of the answer (what came within 10 s). */
    static String raw(String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.actualPort())) {
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.setSoTimeout(10_000);
            StringBuilder b = new StringBuilder();
            byte[] buf = new byte[4096];
            try {
                for (int n; !b.toString().contains("\r\n\r\n") && (n = s.getInputStream().read(buf)) > 0; ) {
                    b.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } catch (java.net.SocketTimeoutException e) {
                // what came so far
            }
            return b.toString();
        }
    }

    @Test
    void gatewayAndOwnRoutesOnOneRouter() throws Exception {
        assertEquals("ok", send("GET", "/health", null).body());
        assertEquals("got abc", send("POST", "/mine", "abc").body());
        HttpResponse<String> r = send("POST", "/sessions/m/call/echo", "[1, \"zwei\", {\"x\": true}]");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("[1,\"zwei\",{\"x\":true}]", r.body());
        assertEquals(404, send("POST", "/sessions/m/call/nothing", "[]").statusCode());
        assertEquals(413, send("POST", "/sessions/m/call/echo", "[\"" + "x".repeat(2000) + "\"]").statusCode());
        // vertx-web's router itself refuses a bad escape (400) before the gateway sees the request
        String bad = raw("POST /sessions/%zz/call/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertEquals(202, send("POST", "/sessions/m/send", "[5]").statusCode());
        r = send("GET", "/sessions", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"id\":\"m\""), r.body());
        assertEquals(204, send("POST", "/sessions/m/kill", null).statusCode());
        assertEquals(404, send("POST", "/sessions/m/kill", null).statusCode());
        assertEquals("[7]", send("POST", "/sessions/m/call/echo", "[7]").body());
    }

    @Test
    void webSocketThroughTheRouter() throws Exception {
        LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.actualPort() + "/sessions/w/ws"),
                new WebSocket.Listener() {
                    @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        got.add(data.toString());
                        w.request(1);
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);
        ws.sendText("{\"a\": 1}", true).get(20, TimeUnit.SECONDS);
        assertEquals("[\"ws\",{\"a\":1}]", got.poll(20, TimeUnit.SECONDS));
        ws.abort();
    }

    /** Sends request on a raw socket to port and reads until the server closes it (5 s at most: then "[open]" ends the text). */
    static String rawUntilClosed(int port, String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(out);
            } catch (java.net.SocketTimeoutException e) {
                out.writeBytes("[open]".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (java.net.SocketException e) {
                // reset: closed
            }
            return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The Transfer-Encoding rule (see {@link GatewayHardeningTest}'s smuggling
     * test) holds on a user's Router too: a request with Transfer-Encoding is
     * its connection's last, answered with {@code connection: close} and the
     * connection closed; the request smuggled behind it is never handled. On a
     * server started with {@link Gateway#serve} that holds for the user's own
     * routes as well; on a server of the user's own (no serve), for the
     * requests the gateway gets (before: the smuggled call ran there).
     */
    @Test
    void noRequestIsHandledAfterAChunkedOneOnAMountedGateway() throws Exception {
        String chunks = "2\r\n[]\r\n0\r\n\r\n";
        String smuggled = "POST /sessions/smuggledm/call/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]";
        record Case(int port, String path) { }
        for (Case c : new Case[] {new Case(server.actualPort(), "/sessions/te/call/echo"), new Case(server.actualPort(), "/mine"),
                new Case(plain.actualPort(), "/sessions/te/call/echo")}) {
            String path = c.path();
            String both = "POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: "
                    + (chunks.length() + smuggled.length()) + "\r\n\r\n" + chunks + smuggled;
            String answer = rawUntilClosed(c.port(), both);
            assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "one answer, then closed: " + answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close") && !answer.endsWith("[open]"), answer);
            assertEquals(null, host.find("smuggledm"), "the smuggled request was not handled: " + answer);
        }
        assertEquals("[]", send("POST", "/sessions/te/call/echo", "[]").body());
    }
}
