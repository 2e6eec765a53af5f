package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway as an attacker meets it, through real clients (java.net.http
 * and raw sockets): authentication and principals, export-only calls,
 * forged senders, bad percent-encoding, every limit, the session-start rate
 * and WebSocket back-pressure.
 */
class GatewayHardeningTest {
    static Vertx vertx;
    static LuaHost host;
    static HttpServer server;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    static final String SCRIPT = """
            senders, order = {}, {}
            function on_message(from, v)
              senders[#senders + 1] = from
              if type(v) == 'table' and v.n then order[#order + 1] = v.n end
            end
            function seen() return #order, table.concat(order, ',') end
            function last() return senders[#senders] end
            function deep(n) local t = {} local r = t for i = 1, n do t[1] = {} t = t[1] end return r end
            function big(n) return ('x'):rep(n) end
            function flood(n, size) local s = ('y'):rep(size) for i = 1, n do host.push(s) end return n end
            function ping() return 'pong' end
            function secret() return 'not exported' end
            host.export{seen = seen, last = last, deep = deep, big = big, flood = flood, ping = ping}
            """;

    /** Tokens: "u" is alice (not session "private*", not function "big"), "a" the admin, "r" a client for the rate test. */
    static final GatewayAuth AUTH = r -> {
        String h = r.headers().get("authorization");
        if (h == null) throw new GatewayAuth.Refused(401, "authentication required");
        return switch (h) {
            case "Bearer u" -> new Principal("alice", false, id -> !id.startsWith("private"), f -> !f.equals("big"));
            case "Bearer a" -> Principal.of("root", true);
            case "Bearer r" -> Principal.of("rater", false);
            default -> throw new GatewayAuth.Refused(401, "wrong token");
        };
    };

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().defaultScript(Script.of("app.lua", SCRIPT))
                .output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
        server = SessionsTest.get(Gateway.start(host, new GatewayOptions().port(0).auth(AUTH).maxDepth(10)
                .maxResultBytes(10_000).bodyTimeout(Duration.ofMillis(500)).sessionRate(0.01, 30).maxPending(200_000)
                .maxReceiving(300_000)));
        port = server.actualPort();
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(host.close());
        SessionsTest.get(vertx.close());
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String error(HttpResponse<String> r) { return new JsonObject(r.body()).getString("error"); }

    /** A connection to the gateway on which request (ISO-8859-1 bytes) has been sent; reads time out after timeoutMillis. */
    private static Socket sent(String request, int timeoutMillis) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        try {
            s.setSoTimeout(timeoutMillis);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    /** A raw request (paths java.net.URI would refuse); returns the whole answer as text. */
    static String raw(String request) throws Exception {
        try (Socket s = sent(request, 20_000)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.toString(StandardCharsets.ISO_8859_1).contains("}")) break;
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Sends request and reads until the server closes the connection; "[open]" is appended if it has not after 5 s. */
    static String rawUntilClosed(String request) throws Exception {
        try (Socket s = sent(request, 5_000)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(out);
            } catch (java.net.SocketTimeoutException e) {
                out.writeBytes("[open]".getBytes(StandardCharsets.ISO_8859_1));
            } catch (java.net.SocketException e) {
                // reset: closed
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Request smuggling: a request framed by both Content-Length and
     * Transfer-Encoding (Netty takes the chunks and drops the length; a proxy
     * in front that takes the length sees one request whose body holds a
     * second), or any request with a Transfer-Encoding followed on its
     * connection by another. The server answers the first with
     * {@code connection: close} and closes; no later request on that
     * connection is handled (before: the smuggled request ran).
     */
    @Test
    void noRequestIsHandledAfterAChunkedOneOnItsConnection() throws Exception {
        String auth = "Authorization: Bearer a\r\n";
        String chunks = "2\r\n[]\r\n0\r\n\r\n";
        for (String framing : new String[] {"Transfer-Encoding: chunked\r\n", "Transfer-Encoding: xchunked\r\n"}) {
            String smuggled = "POST /sessions/smuggled/call/ping HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 2\r\n\r\n[]";
            boolean chunked = framing.contains(" chunked");
            String first = chunked ? chunks : "[]";
            String both = "POST /sessions/s10/call/ping HTTP/1.1\r\nHost: x\r\n" + auth + framing
                    + "Content-Length: " + (chunked ? first.length() + smuggled.length() : first.length()) + "\r\n\r\n" + first + smuggled;
            String plain = "POST /sessions/s10/call/ping HTTP/1.1\r\nHost: x\r\n" + auth + framing
                    + (chunked ? "" : "Content-Length: 2\r\n") + "\r\n" + first + smuggled;
            for (String request : new String[] {both, plain}) {
                String answer = rawUntilClosed(request);
                assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "one answer, then closed: " + answer);
                assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close") && !answer.endsWith("[open]"), answer);
                assertEquals(null, host.find("smuggled"), "the smuggled request was not handled: " + answer);
            }
        }
        assertEquals("[\"pong\"]", send("POST", "/sessions/s10/call/ping", "a", "[]").body());
    }

    /** A WebSocket frame as a client sends it (a zero mask: the payload as it is). */
    static byte[] wsFrame(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;   // the minimal length encoding (Netty refuses others)
        if (n < 126) {
            f.write(0x80 | n);
        } else if (n < 65536) {
            f.write(0x80 | 126);
            f.write(n >> 8);
            f.write(n & 0xff);
        } else {
            f.write(0x80 | 127);
            for (int k = 7; k >= 0; k--) f.write((int) ((long) n >> (8 * k)) & 0xff);
        }
        f.writeBytes(new byte[] {0, 0, 0, 0});
        f.writeBytes(payload);
        return f.toByteArray();
    }

    /** A raw WebSocket connection to session id, its 101 read. */
    static Socket rawWebSocket(String id) throws Exception {
        return rawWebSocket(id, "", new StringBuilder());
    }

    /** A raw WebSocket connection to session id with extra request headers (lines ending in CRLF); its 101 read into head. */
    static Socket rawWebSocket(String id, String headers, StringBuilder head) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(20_000);
        s.getOutputStream().write(("GET /sessions/" + id + "/ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + headers + "\r\n").getBytes());
        InputStream in = s.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return s;
    }

    /**
     * WebSocket compression is not offered. With permessage-deflate (Vert.x's
     * default) Netty inflated a compressed message on the event loop before
     * any size limit saw it: in a real serve one 50 KB frame of deflated zeros
     * (50 MB inflated) held an event loop for minutes and every session
     * stopped answering. And with an extension allowed, the decoder took frames
     * with reserved bits set that no extension defines, which RFC 6455 says must
     * fail the connection: now they are closed with 1002 and reach no session.
     * (Fails without the fix: the handshake answered with the extension, and
     * the frame with RSV1 was delivered.)
     */
    @Test
    void noWebSocketCompressionAndReservedBitsFailTheConnection() throws Exception {
        StringBuilder head = new StringBuilder();
        try (Socket s = rawWebSocket("rsv", "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                + "Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n", head)) {
            assertFalse(head.toString().toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-extensions"),
                    "no extension accepted: " + head);
        }
        for (int rsv : new int[] {0x40, 0x20, 0x10}) {
            try (Socket s = rawWebSocket("rsv")) {
                byte[] f = wsFrame(1, true, "{\"n\": 1}".getBytes());
                f[0] |= (byte) rsv;
                s.getOutputStream().write(f);
                String closed = untilClosed(s);
                assertTrue(closed.contains("\u0003\u00ea"), "closed with 1002: "
                        + java.util.HexFormat.of().formatHex(closed.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        assertEquals("[0,\"\"]", send("POST", "/sessions/rsv/call/seen", "a", "[]").body());
    }

    /** Reads s until the server closes it (EOF or reset); what it sent. */
    static String untilClosed(Socket s) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(got);
        } catch (java.net.SocketException e) {
            // reset: closed
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Fragmented WebSocket messages: each is bounded (maxBody), but a client
     * could leave a megabyte of fragments on each of its 1,000 connections
     * for good (200 such connections held 220 MB of a real serve). Now the
     * fragments still coming count in the gateway's bound on bytes being
     * received (here 300 KB, past the first 16 KB of each message) and must
     * complete within the body deadline (here 500 ms); past either the
     * connection is closed (1013). HTTP bodies take the same bound.
     */
    @Test
    void fragmentsOfUnfinishedMessagesAreBoundedAndTimeOut() throws Exception {
        byte[] part = new byte[60_000];
        java.util.Arrays.fill(part, (byte) 'a');
        part[0] = '"';
        java.util.List<Socket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = rawWebSocket("frag");
                s.getOutputStream().write(wsFrame(1, false, part));
                part[0] = 'a';
                s.getOutputStream().write(wsFrame(0, false, part));
                part[0] = '"';
                held.add(s);
            }
            // 3 x (120 KB - 16 KB) passes 300 KB: one of them is closed at once with 1013 ("try again later")
            // the others when their 500 ms are up; none is left open
            String closes = "";
            for (Socket s : held) closes += untilClosed(s);
            assertTrue(closes.contains("\u0003\u00f5"), "closed with 1013: " + java.util.HexFormat.of().formatHex(closes.getBytes(StandardCharsets.ISO_8859_1)));
            assertTrue(closes.contains("receiving too many") && closes.contains("not received within 500 ms"), closes);
            // all released: a 200 KB body goes through
            String body = "[\"" + "b".repeat(200_000) + "\"]";
            assertEquals("[\"pong\"]", send("POST", "/sessions/frag/call/ping", "a", body).body());
        } finally {
            for (Socket s : held) s.close();
        }
    }

    /**
     * Pings from a client that reads nothing: Vert.x answers each with a pong,
     * which queued without bound (222 MB of pings made a real serve hold
     * 500 MB of pongs). Vert.x answers pings itself and never shows them to
     * the frame handler, and queues the pongs in its own queue once the
     * connection is full, so the check is at every read: more than maxPending
     * (here 200 KB) read while the connection cannot take more output drops
     * the client (this test failed 3 of 3 without it, session 11).
     */
    @Test
    void aClientThatPingsAndNeverReadsIsDropped() throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("GET /sessions/pinger/ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes());
            // the upgrade's answer first, as a client does (pings sent before it sit in the server's buffers with the request)
            String head = "";
            while (!head.endsWith("\r\n\r\n")) head += (char) s.getInputStream().read();
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            byte[] ping = wsFrame(9, true, new byte[125]);
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) batch.writeBytes(ping);
            long sent = 0;
            try {
                while (sent < (64L << 20)) {
                    s.getOutputStream().write(batch.toByteArray());
                    sent += batch.size();
                }
            } catch (java.io.IOException e) {
                // reset by the server: dropped
            }
            assertTrue(sent < (64L << 20), "the client was dropped, after " + sent + " bytes of pings");
        }
        assertEquals("[\"pong\"]", send("POST", "/sessions/pinger/call/ping", "a", "[]").body());
    }

    @Test
    void authenticationAndPrincipals() throws Exception {
        HttpResponse<String> r = send("POST", "/sessions/s1/call/ping", null, "[]");
        assertEquals(401, r.statusCode());
        assertEquals("authentication required", error(r));
        r = send("POST", "/sessions/s1/call/ping", "nope", "[]");
        assertEquals(401, r.statusCode());
        assertEquals("wrong token", error(r));
        assertEquals("[\"pong\"]", send("POST", "/sessions/s1/call/ping", "u", "[]").body());
        r = send("GET", "/sessions", "u", null);
        assertEquals(403, r.statusCode());
        assertTrue(error(r).contains("admin"), r.body());
        assertEquals(403, send("DELETE", "/sessions/s1", "u", null).statusCode());
        assertEquals(200, send("GET", "/sessions", "a", null).statusCode());
        r = send("POST", "/sessions/private1/call/ping", "u", "[]");
        assertEquals(403, r.statusCode());
        assertEquals("not allowed to use session 'private1'", error(r));
        assertEquals(403, send("POST", "/sessions/s1/call/big", "u", "[1]").statusCode());
        assertEquals(200, send("POST", "/sessions/s1/call/big", "a", "[1]").statusCode());
    }

    @Test
    void onlyExportsAreCallable() throws Exception {
        for (String f : new String[] {"secret", "on_message", "load", "print", "host"}) {
            HttpResponse<String> r = send("POST", "/sessions/s2/call/" + f, "a", "[\"x\"]");
            assertEquals(404, r.statusCode(), f);
            assertEquals("session 's2' has no exported function '" + f + "'", error(r));
        }
    }

    @Test
    void sendersAreTheConnectionsPrincipal() throws Exception {
        assertEquals(202, send("POST", "/sessions/s3/send", "u", "[{\"from\": \"admin\"}]").statusCode());
        assertEquals("[\"http:alice\"]", send("POST", "/sessions/s3/call/last", "u", "[]").body());
        // a session id cannot pose as a gateway sender
        assertEquals(400, send("POST", "/sessions/ws:alice/call/ping", "a", "[]").statusCode());
        assertEquals(400, send("POST", "/sessions/http/send", "a", "[]").statusCode());
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer u")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/sessions/s3/ws"), listener(frames)).get(20, TimeUnit.SECONDS);
        ws.sendText("{\"from\": \"admin\", \"sender\": \"root\"}", true).get(20, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "";
        while (System.nanoTime() < deadline && !(last = send("POST", "/sessions/s3/call/last", "u", "[]").body()).contains("ws")) {
            Thread.sleep(20);
        }
        assertEquals("[\"ws:alice\"]", last);
        ws.sendText("[[[[[[[[[[[[1]]]]]]]]]]]]", true).get(20, TimeUnit.SECONDS);
        String f = frames.poll(20, TimeUnit.SECONDS);
        assertTrue(f != null && f.contains("JSON nested deeper than 10 levels"), f);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(20, TimeUnit.SECONDS);
        // without a token, the handshake is refused with an HTTP answer
        String answer = raw("GET /sessions/s3/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 401") && answer.contains("{\"error\":"), answer);
    }

    @Test
    void webSocketFramesAreBounded() throws Exception {
        // one 200 KB text frame, over the 64 KiB frame limit (masked, as a client must)
        int n = 200_000;
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        f.write(0x80 | 127);
        for (int k = 7; k >= 0; k--) f.write((int) ((long) n >> (8 * k)) & 0xff);
        f.writeBytes(new byte[] {0, 0, 0, 0});   // a zero mask: the payload as it is
        f.writeBytes("x".repeat(n).getBytes());
        // as a client does: the 101 first, then the frame. The decoder refuses it at its header and discards
        // the rest; the server says why (1009) and resets a second later, so a client that reads gets the
        // close frame (before session 12 Vert.x closed with a plain 1000, or reset at once)
        try (Socket sock = rawWebSocket("s9")) {
            try {
                sock.getOutputStream().write(f.toByteArray());
            } catch (java.io.IOException e) {
                // closed while we wrote: the check below says whether the close frame came first
            }
            String text = readAll(sock.getInputStream());
            assertTrue(text.startsWith("\u0088") && text.contains("\u0003\u00f1frame too big"),
                    "closed with 1009 (frame too big): " + text);
        }
        // a client that sends the frame with the upgrade request, before the 101: the connection is closed
        // (how depends on when the bytes arrive), and the session and the gateway go on
        try (Socket sock = new Socket("127.0.0.1", port)) {
            sock.setSoTimeout(20_000);
            try {
                sock.getOutputStream().write(("GET /sessions/s9/ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes());
                sock.getOutputStream().write(f.toByteArray());
            } catch (java.io.IOException e) {
                // closed while we wrote: fine
            }
            String text = readAll(sock.getInputStream());
            assertTrue(text.isEmpty() || text.startsWith("HTTP/1.1 101"), text);
            assertFalse(text.contains("xxxx"), "nothing of the frame is echoed or delivered: " + text);
        }
        assertEquals("[\"pong\"]", send("POST", "/sessions/s9/call/ping", "a", "[]").body());
    }

    /** What in gives until it ends or resets, as ISO-8859-1. */
    static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            for (int r; (r = in.read()) >= 0; ) got.write(r);
        } catch (java.net.SocketException e) {
            // reset: closed too
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    static WebSocket.Listener listener(LinkedBlockingQueue<String> frames) {
        return new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean lastPart) {
                partial.append(data);
                if (lastPart) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                w.request(1);
                return null;
            }
        };
    }

    /**
     * Requests Netty cannot decode are answered with the gateway's JSON error
     * body too (found against a real serve, hard13: 414, 431 and 400 came
     * with an empty body; fails without the fix).
     */
    @Test
    void undecodableRequestsAreAnsweredWithABody() throws Exception {
        String[][] cases = {
            {"POST /sessions/s/call/ping HTTP/1.1\r\nHost: x\r\nX-A: " + "a".repeat(100_000) + "\r\n\r\n[]", "431"},
            {"POST /sessions/" + "a".repeat(100_000) + "/call/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]", "414"},
            {"POST /sessions/s/call/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n[]", "400"},
            {"POST /sessions/s/call/ping HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n[]", "400"},
        };
        for (String[] c : cases) {
            String answer = rawUntilClosed(c[0]);
            assertTrue(answer.startsWith("HTTP/1.1 " + c[1]) || answer.startsWith("HTTP/1.0 " + c[1]), answer);
            assertTrue(answer.contains("{\"error\":"), "a JSON body: " + answer);
        }
        assertEquals("[\"pong\"]", send("POST", "/sessions/s/call/ping", "a", "[]").body());
    }

    @Test
    void badPercentEncodingIsA400WithABody() throws Exception {
        for (String path : new String[] {"/sessions/%zz/call/ping", "/sessions/s4/call/ping%", "/sessions/s4%2/send", "/sessions/%ff%fe/send"}) {
            String answer = raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nContent-Length: 2\r\n\r\n[]");
            assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("bad percent-encoding in the path"), path + ": " + answer);
        }
        String answer = raw("GET /sessions/%zz/ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("bad percent-encoding"), answer);
        // an encoded name is decoded: 's 4' is a session like any other
        assertEquals("[\"pong\"]", send("POST", "/sessions/s%204/call/ping", "a", "[]").body());
    }

    @Test
    void limits() throws Exception {
        HttpResponse<String> r = send("POST", "/sessions/s5/call/ping", "a", "[[[[[[[[[[[1]]]]]]]]]]]");
        assertEquals(422, r.statusCode());
        assertTrue(error(r).contains("JSON nested deeper than 10 levels"), r.body());
        assertEquals(200, send("POST", "/sessions/s5/call/ping", "a", "[[[[[[[[[1]]]]]]]]]").statusCode());
        r = send("POST", "/sessions/s5/call/deep", "a", "[50]");
        assertEquals(422, r.statusCode());
        assertTrue(error(r).contains("value nested deeper than 10 levels at result[1][1][1][1][1][1]...[1][1] (depth 10)"), r.body());
        r = send("POST", "/sessions/s5/call/deep", "a", "[100000]");   // deeper than any copy may go: still an answer
        assertEquals(422, r.statusCode());
        assertTrue(error(r).contains("nested deeper than 1000 levels"), r.body());
        assertEquals(200, send("POST", "/sessions/s5/call/big", "a", "[9000]").statusCode());
        r = send("POST", "/sessions/s5/call/big", "a", "[20000]");
        assertEquals(413, r.statusCode());
        assertTrue(error(r).contains("JSON larger than 10000 bytes (the result size limit)"), r.body());
        assertEquals("[\"pong\"]", send("POST", "/sessions/s5/call/ping", "a", "[]").body());
    }

    @Test
    void slowBodiesTimeOut() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /sessions/s6/call/ping HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nContent-Length: 100\r\n\r\n[".getBytes());
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 408") && answer.contains("request body not received within 500 ms"), answer);
        }
    }

    @Test
    void sessionStartsAreRateLimitedPerClient() throws Exception {
        for (int i = 0; i < 30; i++) assertEquals(200, send("POST", "/sessions/rate" + i + "/call/ping", "r", "[]").statusCode());
        HttpResponse<String> r = send("POST", "/sessions/other/call/ping", "r", "[]");
        assertEquals(429, r.statusCode());
        assertTrue(r.headers().firstValue("retry-after").isPresent(), r.headers().toString());
        assertTrue(error(r).contains("too many new sessions"), r.body());
        // sessions it has are not limited, nor are other clients
        assertEquals(200, send("POST", "/sessions/rate0/call/ping", "r", "[]").statusCode());
        assertEquals(200, send("POST", "/sessions/other/call/ping", "a", "[]").statusCode());
    }

    @Test
    void aSlowWebSocketClientIsDroppedAndPushNeverWaits() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setReceiveBufferSize(4096);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("GET /sessions/s7/ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes());
            InputStream in = s.getInputStream();
            // the subscription is made after the upgrade: push until a frame arrives
            byte[] head = new byte[4096];
            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            s.setSoTimeout(200);
            while (seen < 140 && System.nanoTime() < deadline) {
                send("POST", "/sessions/s7/call/flood", "a", "[1, 10]");
                try {
                    seen += Math.max(0, in.read(head));
                } catch (java.net.SocketTimeoutException e) {
                    // not yet
                }
            }
            assertTrue(seen >= 140, "a pushed frame arrived");
            long t0 = System.nanoTime();
            s.setSoTimeout(30_000);
            // 5.4 MB pushed to a client that reads nothing: the pushes return at once
            assertEquals("[600]", send("POST", "/sessions/s7/call/flood", "a", "[600, 9000]").body());
            assertEquals("[\"pong\"]", send("POST", "/sessions/s7/call/ping", "a", "[]").body());
            long read = 0;
            byte[] buf = new byte[65536];
            try {
                for (int n; (n = in.read(buf)) > 0; ) read += n;
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("the connection was not closed; read " + read + " bytes", e);
            } catch (java.net.SocketException e) {
                // reset by the server: dropped too
            }
            // dropped: it never gets all 5.4 MB (the server queues at most maxPending, 4 MB, before it drops the
            // client; what was queued and what the kernel buffered may still arrive before the cut, so the bound
            // is the whole push, not the queue: 3 MB failed once with 4.07 MB read in a fresh-clone ./test)
            System.err.printf("slow WebSocket client: subscribed after %d ms, dropped after %d bytes, %d ms%n",
                    (t0 - deadline) / 1_000_000 + 20_000, read, (System.nanoTime() - t0) / 1_000_000);
            assertTrue(read < 600 * 9000, "the slow client was dropped after " + read + " bytes");
        }
    }

    /**
     * Session 16: the bound on bytes waiting for a slow client was per
     * client only; 300 clients of one session that read nothing held 3.9 MB
     * each of one push (1.2 GB; 1,000 clients from one address are allowed).
     * Now the gateway's clients together have at most maxPendingTotal
     * waiting: a push past it drops the client it was going to. Here four
     * clients that read nothing, a per-client bound of 64 MB that none
     * reaches, 8 MB for all: every client is dropped long before the 24 MB
     * pushed to each. (Fails without the bound: no client is dropped.)
     */
    @Test
    void slowWebSocketClientsAreBoundedTogether() throws Exception {
        LuaHost h = LuaHost.create(vertx, new HostOptions().defaultScript(Script.of("app.lua", SCRIPT))
                .output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(h.ready());
        HttpServer srv = SessionsTest.get(Gateway.start(h, new GatewayOptions().port(0).maxPending(64 << 20)
                .maxPendingTotal(8 << 20).sessionRate(0, 0)));
        java.util.List<Socket> clients = new java.util.ArrayList<>();
        try {
            int p = srv.actualPort();
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new java.net.InetSocketAddress("127.0.0.1", p));
                clients.add(s);
                s.getOutputStream().write(("GET /sessions/pt/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes());
            }
            HttpClient c = HttpClient.newHttpClient();
            java.util.function.Function<String, String> call = body -> {
                try {
                    return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/sessions/pt/call/flood"))
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            // the subscriptions are made after the upgrades: push small frames until each client has one
            byte[] head = new byte[4096];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (Socket s : clients) {
                s.setSoTimeout(200);
                long seen = 0;
                while (seen < 140 && System.nanoTime() < deadline) {
                    call.apply("[1, 10]");
                    try {
                        seen += Math.max(0, s.getInputStream().read(head));
                    } catch (java.net.SocketTimeoutException e) {
                        // not yet
                    }
                }
                assertTrue(seen >= 140, "a pushed frame arrived");
            }
            // 24 pushes of 1 MB to each client: 96 MB in all, 8 MB may wait
            assertEquals("[24]", call.apply("[24, 1000000]"));
            for (Socket s : clients) {
                s.setSoTimeout(30_000);
                long read = 0;
                byte[] buf = new byte[65536];
                try {
                    for (int n; (n = s.getInputStream().read(buf)) > 0; ) read += n;
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError("a client was not dropped; read " + read + " bytes", e);
                } catch (java.net.SocketException e) {
                    // reset by the server: dropped
                }
                assertTrue(read < 24_000_000, "dropped after " + read + " bytes");
            }
            assertEquals("[\"pong\"]", c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/sessions/pt/call/ping"))
                    .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString()).body());
        } finally {
            for (Socket s : clients) s.close();
            SessionsTest.get(srv.close());
            SessionsTest.get(h.close());
        }
    }

    /**
     * Messages over 16 KB are converted to Lua on a worker, not on the event
     * loop; a connection's messages still reach the session in the order
     * sent, large and small mixed, and a client far ahead is paused rather
     * than queued without end (8 large messages at most wait for it).
     */
    @Test
    void largeWebSocketMessagesKeepTheirOrder() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer a")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/sessions/order/ws"), listener(frames)).get(30, TimeUnit.SECONDS);
        String pad = "z".repeat(30_000);
        StringBuilder want = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            String m = i % 3 == 0 ? "{\"n\": " + i + "}" : "{\"n\": " + i + ", \"pad\": \"" + pad + "\"}";
            ws.sendText(m, true).get(30, TimeUnit.SECONDS);
            want.append(i == 1 ? "" : ",").append(i);
        }
        ws.sendText("{\"n\": " + pad + "}", true).get(30, TimeUnit.SECONDS);   // large and not JSON: an error frame, in turn
        String got = "";
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; Thread.sleep(20)) {
            got = send("POST", "/sessions/order/call/seen", "a", "[]").body();
            if (got.startsWith("[60,")) break;
        }
        assertEquals("[60,\"" + want + "\"]", got);
        String error = frames.poll(30, TimeUnit.SECONDS);
        assertTrue(error != null && error.contains("not JSON"), String.valueOf(error));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(30, TimeUnit.SECONDS);
    }

    @Test
    void unicodeAndEscapedBytesAreDelivered() throws Exception {
        JsonArray args = new JsonArray().add("Zoë").add("张伟").add("\udcff");
        HttpResponse<String> r = send("POST", "/sessions/s8/call/ping", "a", "[]");
        assertEquals(200, r.statusCode());
        assertEquals(202, send("POST", "/sessions/s8/send", "a", args.encode()).statusCode());
        assertEquals("[\"http:root\"]", send("POST", "/sessions/s8/call/last", "a", "[]").body());
    }

    /**
     * RFC 6455: a text message that is not UTF-8 fails the connection (1007).
     * Vert.x decoded such bytes with replacement characters, so the session
     * got text the client never sent. A character split between fragments is
     * still fine; a bad byte, an encoded surrogate or a message that ends
     * inside a character closes the connection and reaches no session.
     */
    @Test
    void invalidUtf8InATextMessageClosesTheConnectionWith1007() throws Exception {
        byte[] e = "\u00e9".getBytes(StandardCharsets.UTF_8);
        try (Socket s = rawWebSocket("utf8")) {   // "é" split between its two bytes: delivered
            s.getOutputStream().write(wsFrame(1, false, concat("{\"n\": \"".getBytes(), new byte[] {e[0]})));
            s.getOutputStream().write(wsFrame(0, true, concat(new byte[] {e[1]}, "\"}".getBytes())));
            String got = "";
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < end; Thread.sleep(20)) {
                got = send("POST", "/sessions/utf8/call/seen", "a", "[]").body();
                if (got.startsWith("[1,")) break;
            }
            assertEquals("[1,\"\u00e9\"]", got);
        }
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xa9}, {e[0]}};
        for (byte[] b : bad) {
            try (Socket s = rawWebSocket("utf8")) {
                byte[] m = b.length == 1 && b[0] == e[0] ? concat("{\"n\": \"".getBytes(), b)   // ends inside a character
                        : concat(concat("{\"n\": \"".getBytes(), b), "\"}".getBytes());
                s.getOutputStream().write(wsFrame(1, true, m));
                String closed = untilClosed(s);
                assertTrue(closed.contains("\u0003\u00efinvalid UTF-8"), "closed with 1007: "
                        + java.util.HexFormat.of().formatHex(closed.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        assertEquals("[1,\"\u00e9\"]", send("POST", "/sessions/utf8/call/seen", "a", "[]").body());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
