package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's routes through a real HTTP and WebSocket client (Vert.x core's). */
class GatewayTest {
    static Vertx vertx;
    static LuaHost host;
    static HttpServer server;
    static HttpClient http;
    static int port;

    static final String SCRIPT = """
            count = 0
            function add(a, b) return a + b end
            function echo(...) return ... end
            function kinds() return 1, 1.5, 'é', true, nil, {1, 2, 3}, {x = {y = 'z'}}, {} end
            function boom() error('kaboom') end
            function fn() return print end
            function on_message(from, v)
              count = count + 1
              if from == 'ws' then host.push({got = v, from = from, n = count}) end
            end
            function counted() return count end
            function secret() return 'not exported' end
            host.export{add = add, echo = echo, kinds = kinds, boom = boom, fn = fn, counted = counted}
            """;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().verticles(2).defaultScript(Script.of("app.lua", SCRIPT))
                .idleTimeout(Duration.ofMillis(300)).output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
        server = SessionsTest.get(Gateway.start(host, "127.0.0.1", 0));
        port = server.actualPort();
        http = vertx.createHttpClient();
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(host.close());
        SessionsTest.get(vertx.close());
    }

    record Reply(int status, String body) {}

    static Reply request(HttpMethod method, String path, String body) throws Exception {
        // resp.body() is taken in a callback of send()'s own future: that runs on the connection's event loop as
        // the response head arrives. Chained after it instead (request(...).compose(send).compose(body)), it may
        // run after the whole response was read when called from a thread outside Vert.x, such as this test's,
        // and the body's future then never completes (Vert.x issues #3517, #4705)
        Future<Reply> f = http.request(method, port, "127.0.0.1", path)
                .compose(req -> (body == null ? req.send() : req.send(Buffer.buffer(body)))
                        .compose((HttpClientResponse resp) -> resp.body().map(b -> new Reply(resp.statusCode(), b.toString()))));
        try {
            return SessionsTest.get(f);
        } catch (AssertionError e) {
            StringBuilder sb = new StringBuilder(method + " " + path + ": " + e.getMessage() + "; sessions:");
            for (SessionStats st : host.stats()) sb.append(' ').append(st);
            throw new AssertionError(sb.toString(), e);
        }
    }

    @Test
    void callRoute() throws Exception {
        Reply r = request(HttpMethod.POST, "/sessions/alice/call/add", "[2, 40]");
        assertEquals(new Reply(200, "[42]"), r);
        r = request(HttpMethod.POST, "/sessions/alice/call/kinds", "[]");
        assertEquals(200, r.status());
        assertEquals(new JsonArray("[1,1.5,\"é\",true,null,[1,2,3],{\"x\":{\"y\":\"z\"}},[]]"), new JsonArray(r.body()));
        r = request(HttpMethod.POST, "/sessions/alice/call/echo", "[{\"a\": [1, 2.0, null, \"x\"]}, 9007199254740993]");
        assertEquals(new JsonArray("[{\"a\":{\"1\":1,\"2\":2.0,\"4\":\"x\"}},9007199254740993]"), new JsonArray(r.body()));
    }

    @Test
    void errorsAndBadRequests() throws Exception {
        Reply r = request(HttpMethod.POST, "/sessions/bob/call/boom", "[]");
        assertEquals(500, r.status());
        JsonObject o = new JsonObject(r.body());
        assertEquals("app.lua:5: kaboom", o.getString("error"));
        assertTrue(o.getString("traceback").startsWith("stack traceback:"), o.encode());
        assertEquals(400, request(HttpMethod.POST, "/sessions/bob/call/add", "not json").status());
        r = request(HttpMethod.POST, "/sessions/bob/call/add", "{\"a\": 1}");
        assertEquals(400, r.status());
        assertTrue(new JsonObject(r.body()).getString("error").contains("JSON array"), r.body());
        r = request(HttpMethod.POST, "/sessions/bob/call/missing", "[]");
        assertEquals(404, r.status());
        assertEquals("session 'bob' has no exported function 'missing'", new JsonObject(r.body()).getString("error"));
        // only exports: not library functions, not other globals, not on_message
        assertEquals(404, request(HttpMethod.POST, "/sessions/bob/call/load", "[\"return 1\"]").status());
        assertEquals(404, request(HttpMethod.POST, "/sessions/bob/call/secret", "[]").status());
        assertEquals(404, request(HttpMethod.POST, "/sessions/bob/call/on_message", "[\"admin\", 1]").status());
        assertEquals(422, request(HttpMethod.POST, "/sessions/bob/call/fn", "[]").status());   // a result that cannot cross
        assertEquals(404, request(HttpMethod.GET, "/nowhere", null).status());
        // still serving
        assertEquals(new Reply(200, "[3]"), request(HttpMethod.POST, "/sessions/bob/call/add", "[1, 2]"));
    }

    @Test
    void webSocketDeliversAndReceivesPushes() throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = SessionsTest.get(client.connect(port, "127.0.0.1", "/sessions/carol/ws"));
        ws.textMessageHandler(frames::add);
        ws.writeTextMessage("{\"say\": \"hello\"}");
        String f = frames.poll(10, TimeUnit.SECONDS);
        assertEquals(new JsonObject("{\"got\":{\"say\":\"hello\"},\"from\":\"ws\",\"n\":1}"), new JsonObject(f));
        ws.writeTextMessage("[1, 2]");
        f = frames.poll(10, TimeUnit.SECONDS);
        assertEquals(new JsonObject("{\"got\":[1,2],\"from\":\"ws\",\"n\":2}"), new JsonObject(f));
        assertEquals(new Reply(202, ""), request(HttpMethod.POST, "/sessions/carol/send", "[\"via http\"]"));
        assertEquals(new Reply(200, "[3]"), request(HttpMethod.POST, "/sessions/carol/call/counted", "[]"));
        // a session with a WebSocket client is not idle-stopped
        Thread.sleep(700);
        assertTrue(host.find("carol") != null);
        SessionsTest.get(ws.close());
        SessionsTest.get(client.close());
    }

    @Test
    void sessionsListingAndIdleStop() throws Exception {
        request(HttpMethod.POST, "/sessions/dave/call/add", "[1, 1]");
        Reply r = request(HttpMethod.GET, "/sessions", null);
        assertEquals(200, r.status());
        JsonObject dave = null;
        for (Object o : new JsonArray(r.body())) {
            if (((JsonObject) o).getString("id").equals("dave")) dave = (JsonObject) o;
        }
        assertTrue(dave != null, r.body());
        assertTrue(dave.getLong("handled") >= 2, dave.encode());
        assertTrue(dave.containsKey("cpuMillis") && dave.containsKey("memoryEstimate") && dave.containsKey("mailbox"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host.find("dave") != null && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(null, host.find("dave"), "idle session stopped");
        assertEquals(204, request(HttpMethod.DELETE, "/sessions/erin", null).status());
    }
}
