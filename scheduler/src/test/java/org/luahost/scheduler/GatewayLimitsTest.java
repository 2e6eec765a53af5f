package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Oversized request bodies get 413 and are not read; the gateway keeps serving. */
class GatewayLimitsTest {
    static Vertx vertx;
    static LuaHost host;
    static HttpServer server;
    static HttpClient http;
    static int port;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().defaultScript(Script.of("app.lua", "function len(s) return #s end host.export{len = len}"))
                .output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
        server = SessionsTest.get(Gateway.start(host, "127.0.0.1", 0, 1000));
        port = server.actualPort();
        http = vertx.createHttpClient();
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(host.close());
        SessionsTest.get(vertx.close());
    }

    record Reply(int status, String body) {}

    static Reply post(String path, String body, boolean chunked) throws Exception {
        Future<Reply> f = http.request(HttpMethod.POST, port, "127.0.0.1", path)
                .compose(req -> {
                    if (chunked) req.setChunked(true);
                    // body() inside send()'s callback, on the event loop (see GatewayTest.request)
                    return req.send(Buffer.buffer(body))
                            .compose((HttpClientResponse resp) -> resp.body().map(b -> new Reply(resp.statusCode(), b.toString())));
                });
        return SessionsTest.get(f);
    }

    @Test
    void bodiesOverTheLimitAreRefused() throws Exception {
        String small = "[\"" + "x".repeat(900) + "\"]";
        assertEquals(new Reply(200, "[900]"), post("/sessions/a/call/len", small, false));
        String big = "[\"" + "x".repeat(5000) + "\"]";
        Reply r = post("/sessions/a/call/len", big, false);
        assertEquals(413, r.status());
        assertTrue(r.body().contains("request body too large (limit 1000 bytes)"), r.body());
        r = post("/sessions/a/send", big, true);   // no content-length: counted while it arrives
        assertEquals(413, r.status());
        assertEquals(new Reply(200, "[900]"), post("/sessions/a/call/len", small, true));
    }
}
