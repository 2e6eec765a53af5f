package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of a real {@code luahost serve} gateway over raw sockets:
 * random request lines (methods, paths with bad or odd percent-encoding),
 * headers (lengths that lie, chunked garbage, long values), bodies (JSON
 * mutated, nested deeply, not JSON at all) and WebSocket handshakes followed
 * by random frames. Checks, for every connection: an answer or a close
 * within a bound (no hang), and no 5xx without a body; at the end, the
 * server still answers and its log shows no internal error.
 *
 * <p>Seed {@code -Dluahost.gatewayFuzzSeed} (default 1), at most
 * {@code -Dluahost.gatewayFuzzCount} cases (default 400) within
 * {@code -Dluahost.gatewayFuzzSeconds} (default 40); {@code
 * tests/fuzz/gateway-fuzz.sh} runs long hunts. A failure names the seed and
 * the case.
 */
class GatewayFuzzTest {
    @TempDir Path dir;

    static final String SCRIPT = """
            n = n or 0
            function echo(...) n = n + 1 return ... end
            function ping() return 'pong' end
            function deep(k) local t = {} local r = t for i = 1, (tonumber(k) or 1) % 3000 do t[1] = {} t = t[1] end return r end
            function on_message(from, v) n = n + 1 host.push({from = from, v = v}) end
            host.export{echo = echo, ping = ping, deep = deep}
            """;

    static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "BREW", "post", ""};
    static final String[] SEGMENTS = {"sessions", "s1", "s2", "call", "send", "ws", "echo", "ping", "deep", "on_message", "load",
        "%zz", "%", "%2", "%2F", "%ff%fe", "%e2%82%ac", "%00", "..", ".", "", "http", "ws:x", "a:b", "%25", "+", "é", "x".repeat(300)};
    static final String[] BODIES = {"[]", "[1]", "[\"a\"]", "[{\"a\":[1,2,null]}]", "[1e400]", "[-0]", "[9223372036854775808]",
        "[\"\\ud800\"]", "[\"\\udcff\"]", "{}", "null", "[", "]", "[\"unterminated", "[1,]", "[nul]", "\u0000", "[[[]]]"};

    record Outcome(int status, String text, boolean closed, boolean timedOut) {}

    @Test
    void randomRequestsNeverHangOrFailSilently() throws Exception {
        long seed = Long.getLong("luahost.gatewayFuzzSeed", 1);
        int count = Integer.getInteger("luahost.gatewayFuzzCount", 400);
        long until = System.nanoTime() + Long.getLong("luahost.gatewayFuzzSeconds", 40) * 1_000_000_000L;
        Path script = dir.resolve("fuzz.lua");
        Files.writeString(script, SCRIPT);
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--body-timeout", "1000", "--max-body", "100000",
                "--max-depth", "20", "--session-rate", "1000/1000");
        int done = 0;
        try {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < count && System.nanoTime() < until; i++) {
                byte[] request = rnd.nextInt(5) == 0 ? webSocket(rnd) : http(rnd);
                Outcome o = exchange(s.port(), request);
                String where = "seed " + seed + " case " + i + ": " + printable(request);
                assertFalse(o.timedOut(), "no answer and no close within 15 s; " + where);
                if (o.status() >= 500) {
                    int bodyAt = o.text().indexOf("\r\n\r\n");
                    assertTrue(bodyAt >= 0 && o.text().length() > bodyAt + 4, "a " + o.status() + " without a body; " + where
                            + "\nanswer: " + o.text());
                }
                done++;
            }
            HttpClient http = HttpClient.newHttpClient();
            assertEquals("[\"pong\"]", s.post(http, "/sessions/after/call/ping", "[]").body(), "still serving after " + done + " cases");
            assertTrue(s.process().isAlive());
            String err = s.stderr();
            assertFalse(err.contains("internal error") || err.contains("OutOfMemoryError"), err);
        } finally {
            ServeCommandTest.terminate(s);
        }
        assertTrue(done > 0);
    }

    static String path(SplittableRandom rnd) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(6);
        if (rnd.nextInt(3) > 0) {   // mostly shaped like the routes
            b.append("/sessions/").append(pick(rnd, SEGMENTS));
            if (rnd.nextBoolean()) b.append('/').append(pick(rnd, new String[] {"call", "send", "ws", "x"}));
            if (rnd.nextBoolean()) b.append('/').append(pick(rnd, SEGMENTS));
        }
        for (int i = 0; i < n - 3; i++) b.append('/').append(pick(rnd, SEGMENTS));
        if (b.isEmpty() || rnd.nextInt(20) == 0) b.insert(0, rnd.nextBoolean() ? "/" : "*");
        if (rnd.nextInt(10) == 0) b.append('?').append(pick(rnd, SEGMENTS)).append('=').append(pick(rnd, SEGMENTS));
        return b.toString().replace(" ", "%20");
    }

    static byte[] http(SplittableRandom rnd) {
        String method = pick(rnd, METHODS);
        byte[] body = body(rnd);
        StringBuilder h = new StringBuilder();
        h.append(method).append(' ').append(path(rnd)).append(rnd.nextInt(15) == 0 ? " HTTP/1.0" : " HTTP/1.1").append("\r\n");
        h.append("Host: x\r\n");
        switch (rnd.nextInt(6)) {
            case 0 -> h.append("Content-Length: ").append(body.length).append("\r\n");
            case 1 -> h.append("Content-Length: ").append(body.length + rnd.nextInt(1, 50)).append("\r\n");   // more than sent
            case 2 -> h.append("Content-Length: ").append(pick(rnd, new String[] {"-1", "abc", "99999999999999999999", "1000000"})).append("\r\n");
            case 3 -> h.append("Transfer-Encoding: chunked\r\n");
            default -> h.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (rnd.nextInt(8) == 0) h.append("X-Long: ").append("v".repeat(rnd.nextInt(20_000))).append("\r\n");
        if (rnd.nextInt(8) == 0) h.append("Authorization: Bearer ").append(rnd.nextInt()).append("\r\n");
        if (rnd.nextInt(10) == 0) h.append("Content-Type: application/json\r\n");
        h.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        if (h.indexOf("chunked") >= 0 && rnd.nextBoolean()) {
            out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes());
            out.writeBytes(body);
            out.writeBytes("\r\n0\r\n\r\n".getBytes());
        } else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static byte[] body(SplittableRandom rnd) {
        String b = switch (rnd.nextInt(5)) {
            case 0 -> "[" + "[".repeat(rnd.nextInt(1, 3000)) + "1" + "]".repeat(rnd.nextInt(3000)) + "]";
            case 1 -> "[" + rnd.nextInt(4000) + "]";
            default -> pick(rnd, BODIES);
        };
        byte[] bytes = b.getBytes(StandardCharsets.UTF_8);
        int flips = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 4) : 0;
        for (int i = 0; i < flips && bytes.length > 0; i++) bytes[rnd.nextInt(bytes.length)] = (byte) rnd.nextInt(256);
        return bytes;
    }

    static byte[] webSocket(SplittableRandom rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String p = rnd.nextInt(4) == 0 ? path(rnd) : "/sessions/" + pick(rnd, new String[] {"w1", "w2", "%zz", "http"}) + "/ws";
        out.writeBytes(("GET " + p + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: " + (rnd.nextInt(10) == 0 ? "8" : "13")
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        int frames = rnd.nextInt(1, 6);
        for (int i = 0; i < frames; i++) {
            byte[] payload = rnd.nextInt(3) == 0 ? randomBytes(rnd, rnd.nextInt(200)) : body(rnd);
            int opcode = rnd.nextInt(4) == 0 ? rnd.nextInt(16) : 1;
            boolean fin = rnd.nextInt(6) != 0;
            out.write((fin ? 0x80 : 0) | opcode);
            int len = payload.length;
            boolean lie = rnd.nextInt(10) == 0;
            if (lie) {
                out.write(0x80 | 127);   // a 64-bit length far beyond what follows
                for (int k = 0; k < 8; k++) out.write(k == 3 ? 0x7f : 0);
            } else if (len < 126) {
                out.write(0x80 | len);
            } else {
                out.write(0x80 | 126);
                out.write(len >> 8);
                out.write(len & 0xff);
            }
            byte[] mask = randomBytes(rnd, 4);
            out.writeBytes(mask);
            for (int k = 0; k < payload.length; k++) out.write(payload[k] ^ mask[k & 3]);
        }
        if (rnd.nextBoolean()) out.writeBytes(new byte[] {(byte) 0x88, (byte) 0x80, 1, 2, 3, 4});   // close
        return out.toByteArray();
    }

    static byte[] randomBytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) rnd.nextInt(256);
        return b;
    }

    static String pick(SplittableRandom rnd, String[] a) { return a[rnd.nextInt(a.length)]; }

    /**
     * Sends request, half-closes, and reads until the server closes or goes
     * quiet: quiet for 15 s with nothing read is a hang; quiet after an answer
     * (a WebSocket left open) is fine.
     */
    static Outcome exchange(int port, byte[] request) throws IOException {
        try (Socket sock = new Socket("127.0.0.1", port)) {
            sock.setSoTimeout(15_000);
            OutputStream out = sock.getOutputStream();
            try {
                out.write(request);
                out.flush();
                sock.shutdownOutput();
            } catch (IOException e) {
                // the server closed early (a refused request): read what it said
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = sock.getInputStream();
            byte[] buf = new byte[8192];
            boolean closed = false;
            boolean timedOut = false;
            try {
                for (int n; ; ) {
                    n = in.read(buf);
                    if (n < 0) {
                        closed = true;
                        break;
                    }
                    got.write(buf, 0, n);
                    if (got.size() > 1 << 20) break;
                    sock.setSoTimeout(3_000);
                }
            } catch (SocketTimeoutException e) {
                timedOut = got.size() == 0;
            } catch (IOException e) {
                closed = true;   // reset
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int status = 0;
            if (text.startsWith("HTTP/1.")) {
                try {
                    status = Integer.parseInt(text.substring(9, 12));
                } catch (RuntimeException e) {
                    status = 0;
                }
            }
            return new Outcome(status, text, closed, timedOut);
        }
    }

    static String printable(byte[] request) {
        String s = new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        return b + (request.length > 300 ? "... (" + request.length + " bytes)" : "");
    }

}
