package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's part of {@link AdversarialServeTest} (a serve process with
 * {@code --header-timeout 2000}, {@code --max-result 4000000} and the other
 * limits' defaults): deep and huge (6 MB) results, bad percent-encoding (HTTP and the WebSocket handshake),
 * oversized bodies (declared and streamed) and frames, a WebSocket client
 * that never reads while its session pushes 12 MB, a body of 16,384 JSON
 * keys whose Java hashes collide (converted off the event loop), and 100 slow-header
 * connections. Each gets its answer (or its connection is closed) within
 * the bounds the gateway states.
 */
final class GatewayAttacks {
    private GatewayAttacks() {}

    static void all(ServeProcess s, HttpClient http) throws Exception {
        int port = s.port();
        CompletableFuture<HttpResponse<String>> deep = post(http, port, "/sessions/g-deep/call/deep", "[5000]");
        CompletableFuture<HttpResponse<String>> big = post(http, port, "/sessions/g-big/call/big", "[60000]");
        List<Socket> slow = slowHeaders(port, 100);
        for (String path : new String[] {"/sessions/%zz/call/ping", "/sessions/a%/call/ping", "/sessions/%c3%28/call/ping"}) {
            String r = exchange(port, ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]").getBytes(StandardCharsets.US_ASCII));
            assertTrue(r.startsWith("HTTP/1.1 400") && r.contains("bad percent-encoding"), path + ": " + r);
        }
        String r = exchange(port, upgrade("/sessions/%zz/ws"));
        assertTrue(r.startsWith("HTTP/1.1 400") && r.contains("bad percent-encoding"), r);
        r = exchange(port, "POST /sessions/g/call/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(r.startsWith("HTTP/1.1 413"), r);
        assertTrue(streamedBody(port).startsWith("HTTP/1.1 413"));
        bigFrame(port);
        slowReader(http, port);
        // a JSON object of 16,384 keys whose Java string hashes collide ("Aa" and "BB"): it becomes a Lua table
        // on a worker, not on the event loop (which it held 5 s before, and the pings on it with it)
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> c = post(http, port, "/sessions/g-coll/call/ping", collidingKeys(14)).get(60, TimeUnit.SECONDS);
            assertEquals("[\"pong\"]", c.body());
        }
        HttpResponse<String> d = deep.get(60, TimeUnit.SECONDS);
        assertTrue((d.statusCode() == 422 || d.statusCode() == 500) && d.body().contains("nested deeper than"), d.statusCode() + " " + d.body());
        HttpResponse<String> b = big.get(60, TimeUnit.SECONDS);
        assertEquals(413, b.statusCode(), b.body());
        assertTrue(b.body().contains("result size limit"), b.body());
        // the slow-header connections were closed by the 2 s deadline meanwhile (the attacks above took longer)
        Thread.sleep(2500);
        int closed = 0;
        for (Socket k : slow) {
            try {
                k.getOutputStream().write('x');
                k.setSoTimeout(50);
                if (k.getInputStream().read() < 0) closed++;
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                closed++;
            }
            k.close();
        }
        assertEquals(100, closed, "slow-header connections closed by the header deadline");
        System.err.println("  gateway attacks: every answer as stated");
    }

    static CompletableFuture<HttpResponse<String>> post(HttpClient http, int port, String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] upgrade(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends request; what came back until the server closed the connection or 20 s passed. */
    static String exchange(int port, byte[] request) throws IOException {
        try (Socket sock = new Socket("127.0.0.1", port)) {
            sock.getOutputStream().write(request);
            sock.setSoTimeout(20_000);
            return new String(readAll(sock.getInputStream(), 1 << 20), StandardCharsets.ISO_8859_1);
        }
    }

    static byte[] readAll(InputStream in, int max) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; b.size() < max && (n = in.read(buf)) > 0; ) b.write(buf, 0, n);
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what came so far
        }
        return b.toByteArray();
    }

    /** A chunked body that never ends, 64 KB per chunk: the answer once the server stops it (413 past 1 MiB). */
    static String streamedBody(int port) throws IOException {
        try (Socket sock = new Socket("127.0.0.1", port)) {
            OutputStream o = sock.getOutputStream();
            o.write("POST /sessions/g/call/ping HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 64; i++) o.write(chunk);   // 4 MiB
            } catch (IOException closed) {
                // the server answered and closed: what we read next
            }
            sock.setSoTimeout(20_000);
            return new String(readAll(sock.getInputStream(), 1 << 16), StandardCharsets.ISO_8859_1);
        }
    }

    /** A 200 KB frame (limit 64 KiB, masked as a client must): the server closes the connection (1009, or cut). */
    /** {@code [{k: 1, ...}]} with the 2^n keys made of n blocks "Aa" or "BB" (all of one Java hash code). */
    static String collidingKeys(int n) {
        StringBuilder b = new StringBuilder("[{");
        for (int i = 0; i < 1 << n; i++) {
            if (i > 0) b.append(',');
            b.append('"');
            for (int j = 0; j < n; j++) b.append((i >> j & 1) == 0 ? "Aa" : "BB");
            b.append("\":1");
        }
        return b.append("}]").toString();
    }

    static void bigFrame(int port) throws Exception {
        try (Socket sock = new Socket("127.0.0.1", port)) {
            sock.setSoTimeout(20_000);
            OutputStream out = sock.getOutputStream();
            out.write(upgrade("/sessions/g-frame/ws"));
            int n = 200_000;
            java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
            f.write(0x81);
            f.write(0x80 | 127);
            for (int k = 7; k >= 0; k--) f.write((int) ((long) n >> (8 * k)) & 0xff);
            f.writeBytes(new byte[] {0, 0, 0, 0});   // a zero mask: the payload as it is
            f.writeBytes("x".repeat(n).getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(f.toByteArray());
            } catch (IOException e) {
                // closed while we wrote: fine
            }
            InputStream in = sock.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            try {
                for (int r; (r = in.read()) >= 0; ) got.write(r);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the connection stayed open after an oversized frame: " + got);
            } catch (java.net.SocketException e) {
                // reset: closed too
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            assertTrue(text.isEmpty() || text.startsWith("HTTP/1.1 101"), text);
            assertTrue(text.indexOf((char) 0x88) < 0 || text.contains("\u0003\u00f1"), "closed with 1009, or cut: " + text);
        }
    }

    /**
     * A WebSocket client that never reads (a 64 KB receive buffer) while its
     * session pushes 12 MB: the push never waits (the call answers), and the
     * server drops the client once 4 MiB wait for it (--ws-pending), so what
     * the client finally reads is less than was pushed, and ends.
     */
    static void slowReader(HttpClient http, int port) throws Exception {
        try (Socket sock = new Socket()) {
            sock.setReceiveBufferSize(65536);   // before connecting, so that the TCP window stays small
            sock.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            sock.getOutputStream().write(upgrade("/sessions/g-slow/ws"));
            sock.setSoTimeout(20_000);
            InputStream in = sock.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
            assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(http, port, "/sessions/g-slow/call/pushes", "[300, 40000]").get(60, TimeUnit.SECONDS);
            assertEquals("[300]", r.body(), "the pushes never wait for the slow client");
            long pushed = (System.nanoTime() - t0) / 1_000_000;
            byte[] got;
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) b.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the slow client was not dropped: it read " + b.size() + " bytes, then nothing for 20 s");
            } catch (java.net.SocketException e) {
                // reset: dropped too
            }
            got = b.toByteArray();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.err.printf("  slow WebSocket reader: the pushes answered after %d ms; the connection ended after %d ms, having read %d of %d bytes%n",
                    pushed, ms, got.length, 300 * 40000);
            assertTrue(got.length < 300 * 40000, got.length + " bytes reached the slow client: all of it, it was not dropped");
        }
    }

    /** n connections that each send a request's first bytes and then one byte every 500 ms, from a thread of their own. */
    static List<Socket> slowHeaders(int port, int n) throws IOException {
        List<Socket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Socket("127.0.0.1", port));
        byte[] line = "POST /sessions/loris/call/ping HTTP/1.1\r\nHost: x\r\nX-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII);
        Thread.ofPlatform().daemon().name("slowloris").start(() -> {
            for (int k = 0; k < line.length; k++) {
                for (Socket sk : out) {
                    try {
                        sk.getOutputStream().write(line[k]);
                    } catch (IOException closed) {
                        // cut off by the deadline
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return out;
    }
}
