package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;

/**
 * The event bus reaches sessions that are not running: a never-started one
 * is started from the default script, a passivated one restored, by its first
 * message; sends from Java name their sender.
 */
class BusActivationTest {
    static final Script SCRIPT = Script.of("bus.lua", """
            count = count or 0
            last_from = last_from or 'none'
            function inc(n) count = count + (n or 1) return count end
            function get() return count, last_from end
            function on_message(from, n) last_from = from or 'nil' count = count + n end
            """);

    @TempDir Path dir;
    Vertx vertx;
    SessionStore store;
    LuaHost host;

    @BeforeEach
    void up() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void down() throws Exception {
        if (host != null) SessionsTest.get(host.close());
        if (store != null) store.close();
        SessionsTest.get(vertx.close());
    }

    private LuaHost host(HostOptions o) throws Exception {
        host = LuaHost.create(vertx, o.verticles(2).output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
        return host;
    }

    private JsonArray busCall(String id, String fname, Object... args) throws Exception {
        JsonObject body = new JsonObject().put("call", fname).put("args", new JsonArray(java.util.List.of(args)));
        return (JsonArray) SessionsTest.get(vertx.eventBus().request("luahost.session." + id, body)).body();
    }

    @Test
    void aNeverStartedSessionStartsOnItsFirstMessage() throws Exception {
        host(new HostOptions().defaultScript(SCRIPT));
        assertNull(host.find("fresh"));
        assertEquals(new JsonArray().add(2), busCall("fresh", "inc", 2));
        assertNotNull(host.find("fresh"));
        assertEquals(new JsonArray().add(5), busCall("fresh", "inc", 3));   // running now: straight to its consumer
        SessionsTest.get(vertx.eventBus().request("luahost.session.other",
                new JsonObject().put("send", new JsonArray().add(4)).put("from", "bus-client")));
        assertEquals(new JsonArray().add(4).add("bus-client"), busCall("other", "get"));
    }

    @Test
    void aPassivatedSessionIsRestoredByItsFirstMessage() throws Exception {
        store = SessionStore.sqlite(dir);
        AtomicInteger unloaded = new AtomicInteger();
        host(new HostOptions().defaultScript(SCRIPT).store(store).idleTimeout(Duration.ofMillis(100))
                .listener(new SessionListener() {
                    @Override public void stopped(Session session) { unloaded.incrementAndGet(); }
                }));
        assertEquals(10L, SessionsTest.get(host.call("p", "inc", 10))[0]);
        PersistentSessionsTest.waitUntil(() -> host.find("p") == null && unloaded.get() == 1);
        assertEquals(new JsonArray().add(11), busCall("p", "inc"));   // restored from the store, not started afresh
    }

    @Test
    void noDefaultScriptStillMeansNoHandlers() throws Exception {
        host(new HostOptions());
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> busCall("nobody", "get"));
        assertInstanceOf(ReplyException.class, e);
        assertEquals(ReplyFailure.NO_HANDLERS, ((ReplyException) e).failureType());
    }

    @Test
    void sendFromJavaNamesTheSender() throws Exception {
        host(new HostOptions().defaultScript(SCRIPT));
        SessionsTest.get(host.sendFrom("s", "matchmaker", 3));
        Object[] r = SessionsTest.get(host.call("s", "get"));
        assertEquals(3L, r[0]);
        assertEquals("matchmaker", r[1]);
        SessionsTest.get(host.send("s", 1));
        assertEquals("nil", SessionsTest.get(host.call("s", "get"))[1]);
    }
}
