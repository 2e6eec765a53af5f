package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.cli.console.Console;
import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.GatewayOptions;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Script;

/**
 * The console's own request bodies (the admin's eval and import) under the
 * gateway's limits (issue 13), in-process (a few seconds): a body that does
 * not finish within the body deadline gets 408 and its connection closes
 * (before: the console waited for it for ever); bodies still arriving count
 * in the gateway's bound on bytes being received, so unfinished imports and
 * evals past it get 503 (before: outside it, each up to maxBody on each of
 * thousands of connections); a declared length over maxBody is 413 at once.
 */
class ConsoleBodiesTest {
    @TempDir Path dir;

    /** Sends head and body on a new socket to port; the socket, with a read timeout of ms. */
    static Socket open(int port, String head, byte[] body, int ms) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(ms);
        s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(body);
        s.getOutputStream().flush();
        return s;
    }

    /** What the server sent on s until it closed the connection, or "[open]" appended if it did not within the read timeout. */
    static String untilClosed(Socket s) throws Exception {
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

    static String head(String method, String path, long length) {
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nContent-Length: " + length + "\r\n\r\n";
    }

    @Test
    void theConsolesBodiesHaveADeadlineAndCountInTheBound() throws Exception {
        Vertx vertx = Vertx.vertx();
        SessionStore store = SessionStore.sqlite(dir.resolve("data"));
        List<Socket> held = new ArrayList<>();
        try {
            LuaHost host = LuaHost.create(vertx, new HostOptions().store(store)
                    .defaultScript(Script.of("app.lua", "function ping() return 'pong' end host.export{ping = ping}"))
                    .output(new PrintStream(new ByteArrayOutputStream())));
            host.ready().await();
            GatewayOptions o = new GatewayOptions().port(0).maxBody(100_000).bodyTimeout(Duration.ofMillis(3000))
                    .maxReceiving(150_000).auth(ConsolePrincipalsTest.AUTH);
            HttpServer server = Console.start(host, o, store, null, null).await();
            int port = server.actualPort();

            // a slow eval body: 10 of 100 bytes, then nothing: 408 within the deadline, the connection closed
            try (Socket s = open(port, head("POST", "/console/api/sessions/e/eval", 100), "return 1 +".getBytes(), 10_000)) {
                String a = untilClosed(s);
                assertTrue(a.startsWith("HTTP/1.1 408") && !a.endsWith("[open]"), a);
            }
            // a declared length over maxBody: 413 at once
            try (Socket s = open(port, head("PUT", "/console/api/store/big", 10_000_000), new byte[0], 10_000)) {
                String a = untilClosed(s);
                assertTrue(a.startsWith("HTTP/1.1 413") && !a.endsWith("[open]"), a);
            }
            // unfinished imports of 90 KB each (74 KB counted past the first 16 KB): the third passes the 150 KB bound
            byte[] part = new byte[90_000];
            for (int i = 0; i < 3; i++) {
                held.add(open(port, head("PUT", "/console/api/store/imp" + i, 99_000), part, 10_000));
                Thread.sleep(200);
            }
            String refused = untilClosed(held.get(2));
            assertTrue(refused.startsWith("HTTP/1.1 503") && refused.contains("too many large requests"), refused);
            // the others time out (408), and then the console takes bodies again
            String late = untilClosed(held.getFirst());
            assertTrue(late.startsWith("HTTP/1.1 408"), late);
            try (Socket s = open(port, head("POST", "/console/api/sessions/e/eval", 8), "return 7".getBytes(), 10_000)) {
                String a = new String(s.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                assertEquals("HTTP/1.1 200", a);
            }
        } finally {
            for (Socket s : held) s.close();
            vertx.close().await();
            store.close();
        }
    }
}
