package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (issue 13): 300 connections that send a request's headers
 * one byte every 300 ms ("slowloris"), and connections that send nothing or
 * stay idle after a response, are closed by the header and keep-alive
 * deadlines (here 1 s each), while other clients are answered throughout.
 */
class GatewaySlowClientsTest {
    static Vertx vertx;
    static LuaHost host;
    static HttpServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final long DEADLINE_MS = 1000;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().output(new PrintStream(new ByteArrayOutputStream()))
                .defaultScript(Script.of("app.lua", "function ping() return 'pong' end\nhost.export{ping = ping}\n")));
        SessionsTest.get(host.ready());
        server = SessionsTest.get(Gateway.start(host, new GatewayOptions().port(0).sessionRate(0, 1)
                .headerTimeout(Duration.ofMillis(DEADLINE_MS)).keepAliveTimeout(Duration.ofMillis(DEADLINE_MS))));
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(server.close());
        SessionsTest.get(host.close());
        SessionsTest.get(vertx.close());
    }

    static String ping(int i) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/sessions/p" + i + "/call/ping"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** True once the server closed s (a read sees the end, or the connection is reset). */
    static boolean closedByServer(Socket s) {
        try {
            s.setSoTimeout(10);
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void slowHeadersAreCutOffAndOthersAnswered() throws Exception {
        byte[] request = ("POST /sessions/slow/call/ping HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(200) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 300; i++) slow.add(new Socket("127.0.0.1", server.actualPort()));
        Socket silent = new Socket("127.0.0.1", server.actualPort());
        long t0 = System.nanoTime();
        int sent = 0, answered = 0;
        // one byte per connection every 300 ms for 4 deadlines: the headers are never complete
        while (System.nanoTime() - t0 < 4 * DEADLINE_MS * 1_000_000L) {
            for (Socket s : slow) {
                try {
                    OutputStream o = s.getOutputStream();
                    o.write(request[sent % request.length]);
                    o.flush();
                } catch (IOException closed) {
                    // cut off by the server: what the deadline is for
                }
            }
            sent++;
            assertEquals("[\"pong\"]", ping(sent % 10));   // others are answered throughout
            answered++;
            Thread.sleep(300);
        }
        int closed = 0;
        for (Socket s : slow) {
            if (closedByServer(s)) closed++;
            s.close();
        }
        assertEquals(300, closed, "slow-header connections closed by the deadline");
        assertTrue(closedByServer(silent), "a connection that never sends is closed");
        silent.close();
        assertTrue(answered > 0, "pings answered meanwhile");
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAndAQuickOneServed() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.actualPort())) {
            OutputStream o = s.getOutputStream();
            InputStream in = s.getInputStream();
            o.write("POST /sessions/k/call/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]".getBytes(StandardCharsets.US_ASCII));
            o.flush();
            s.setSoTimeout(10_000);
            byte[] buf = new byte[4096];
            String answer = "";
            while (!answer.contains("[\"pong\"]")) {
                int n = in.read(buf);
                assertTrue(n > 0, "answered before the connection closed: " + answer);
                answer += new String(buf, 0, n, StandardCharsets.US_ASCII);
            }
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            // kept alive: the next request's headers are due within the deadline, else the server closes it
            Thread.sleep(DEADLINE_MS + 1000);
            assertTrue(closedByServer(s), "an idle keep-alive connection is closed");
        }
    }
}
