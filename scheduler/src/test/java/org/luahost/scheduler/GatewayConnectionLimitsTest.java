package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flood of connections: past the per-client limit (and the total one) a
 * connection is closed as soon as it is accepted, the connections already
 * open keep working, and a place freed by a closed connection can be taken
 * again.
 */
class GatewayConnectionLimitsTest {
    static Vertx vertx;
    static LuaHost host;
    static HttpServer server;
    static int port;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().defaultScript(Script.of("app.lua", "function ping() return 'pong' end host.export{ping = ping}"))
                .output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
        server = SessionsTest.get(Gateway.start(host, new GatewayOptions().port(0).maxConnectionsPerClient(4).maxConnections(6)));
        port = server.actualPort();
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(host.close());
        SessionsTest.get(vertx.close());
    }

    /** Sends a ping call on s (keep-alive) and returns the whole response's head and body as text. */
    static String ping(Socket s) throws IOException {
        s.getOutputStream().write(("POST /sessions/a/call/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("[\"pong\"]")) {
            int c = in.read();
            if (c < 0) throw new IOException("closed after: " + b);
            b.append((char) c);
        }
        return b.toString();
    }

    /** Whether the server closed s without a word (read returns end of stream, or the connection was reset). */
    static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void connectionsPastTheLimitsAreClosedAndPlacesAreReused() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            // the other test's connections may still count until the server has seen them close
            // (asynchronously): a connection refused meanwhile is opened again, for up to 10 s
            long until = System.nanoTime() + 10_000_000_000L;
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket("127.0.0.1", port);
                String r;
                try {
                    r = ping(s);
                } catch (IOException closed) {
                    s.close();
                    if (System.nanoTime() > until) throw closed;
                    Thread.sleep(50);
                    i--;
                    continue;
                }
                open.add(s);
                assertTrue(r.startsWith("HTTP/1.1 200"), "connection " + i + " is served");
            }
            // the fifth from the same address: closed at once, before a request is read
            try (Socket fifth = new Socket("127.0.0.1", port)) {
                assertTrue(closedByServer(fifth), "the fifth connection from one client is closed");
            }
            // the four still work
            for (Socket s : open) assertTrue(ping(s).startsWith("HTTP/1.1 200"));
            // one closes: its place is free again (the server sees the close asynchronously)
            open.remove(0).close();
            Socket again = null;
            for (int attempt = 0; attempt < 50 && again == null; attempt++) {
                Socket s = new Socket("127.0.0.1", port);
                try {
                    ping(s);
                    again = s;
                } catch (IOException closed) {
                    s.close();
                    Thread.sleep(100);
                }
            }
            assertTrue(again != null, "a freed place is taken again");
            open.add(again);
            assertEquals(4, open.size());
        } finally {
            for (Socket s : open) s.close();
        }
    }

    @Test
    void theTotalLimitHoldsAcrossAddresses() throws Exception {
        // 127.0.0.1 and 127.0.0.2 are two clients; the total limit is 6, each client's 4
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) open.add(connect("127.0.0.1"));
            for (int i = 0; i < 2; i++) open.add(connect("127.0.0.2"));
            for (Socket s : open) assertTrue(ping(s).startsWith("HTTP/1.1 200"));
            try (Socket seventh = new Socket("127.0.0.1", port, java.net.InetAddress.getByName("127.0.0.2"), 0)) {
                assertTrue(closedByServer(seventh), "the seventh connection in all is closed");
            }
        } finally {
            for (Socket s : open) s.close();
        }
    }

    private static Socket connect(String from) throws IOException {
        // wait out the closes of the other test's sockets, which the server sees asynchronously
        for (int attempt = 0; ; attempt++) {
            Socket s = new Socket("127.0.0.1", port, java.net.InetAddress.getByName(from), 0);
            try {
                ping(s);
                return s;
            } catch (IOException closed) {
                s.close();
                if (attempt > 50) throw closed;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
