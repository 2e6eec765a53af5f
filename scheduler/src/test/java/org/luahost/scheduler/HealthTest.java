package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;

/**
 * GET /health and /ready (issue 15): up with a store and room for sessions;
 * readiness fails (503, naming the reason) when the live sessions reach
 * their maximum, while liveness stays up; neither needs a token.
 */
class HealthTest {
    @TempDir
    Path dir;

    @Test
    void healthAndReadiness() throws Exception {
        Vertx vertx = Vertx.vertx();
        SessionStore store = SessionStore.sqlite(dir);
        LuaHost host = LuaHost.create(vertx, new HostOptions().verticles(2).store(store).maxSessions(1)
                .defaultScript(Script.of("app.lua", "function f() return 1 end host.export{f = f}"))
                .output(new PrintStream(new ByteArrayOutputStream())));
        try {
            SessionsTest.get(host.ready());
            HttpServer server = SessionsTest.get(Gateway.start(host,
                    new GatewayOptions().host("127.0.0.1").port(0).auth(GatewayAuth.bearer("secret", null))));
            GatewayTest.port = server.actualPort();
            GatewayTest.http = vertx.createHttpClient();

            GatewayTest.Reply live = GatewayTest.request(HttpMethod.GET, "/health", null);
            assertEquals(200, live.status(), live.body());
            assertEquals("UP", new JsonObject(live.body()).getString("status"), live.body());
            GatewayTest.Reply ready = GatewayTest.request(HttpMethod.GET, "/ready", null);
            assertEquals(200, ready.status(), ready.body());
            assertTrue(ready.body().contains("store") && ready.body().contains("admission"), ready.body());
            assertEquals(401, GatewayTest.request(HttpMethod.GET, "/sessions", null).status());   // the rest needs the token

            SessionsTest.get(host.call("one", "f"));   // the one live session allowed
            GatewayTest.Reply full = GatewayTest.request(HttpMethod.GET, "/ready", null);
            assertEquals(503, full.status(), full.body());
            assertTrue(full.body().contains("maximum of 1 live sessions"), full.body());
            assertEquals(200, GatewayTest.request(HttpMethod.GET, "/health", null).status());

            // the store is gone (closed under the host): liveness fails, naming the store
            store.close();
            GatewayTest.Reply gone = GatewayTest.request(HttpMethod.GET, "/health", null);
            assertEquals(503, gone.status(), gone.body());
            assertTrue(gone.body().contains("live/store") || gone.body().contains("store"), gone.body());
            assertEquals("DOWN", new JsonObject(gone.body()).getString("status"), gone.body());
        } finally {
            SessionsTest.get(host.close());
            store.close();
            SessionsTest.get(vertx.close());
        }
    }
}
