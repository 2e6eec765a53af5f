package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;

/**
 * The host's meters ({@link HostOptions#metrics}): each series moves as
 * sessions start, take turns, fail, run out of their limits, save,
 * passivate and are restored.
 */
class MetricsTest {
    static final Script SCRIPT = Script.of("metrics.lua", """
            count = count or 0
            function inc() count = count + 1; return count end
            function boom() error("boom") end
            function spin() while true do end end
            function hog() local t = {} for i = 1, 1e8 do t[i] = {i} end end
            function on_message(from, x) count = count + x end
            function arm() host.after(1, function() count = count + 100 end) end
            """);

    @TempDir Path dir;
    Vertx vertx;
    SessionStore store;
    LuaHost host;
    final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void up() throws Exception {
        vertx = Vertx.vertx();
        store = SessionStore.sqlite(dir);
    }

    @AfterEach
    void down() throws Exception {
        if (host != null) SessionsTest.get(host.close());
        store.close();
        SessionsTest.get(vertx.close());
    }

    void host(HostOptions o) throws Exception {
        host = LuaHost.create(vertx, o.metrics(registry).store(store).defaultScript(SCRIPT).saveInterval(Duration.ZERO)
                .verticles(2).output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
    }

    double count(String name, String tag, String value) {
        var c = (tag == null ? registry.find(name) : registry.find(name).tag(tag, value)).counter();
        assertNotNull(c, name + "{" + tag + "=" + value + "}");
        return c.count();
    }

    double gauge(String name, String tag, String value) {
        var s = tag == null ? registry.find(name) : registry.find(name).tag(tag, value);
        var g = s.gauge();
        assertNotNull(g, name);
        return g.value();
    }

    long timerCount(String name) {
        Timer t = registry.find(name).timer();
        assertNotNull(t, name);
        return t.count();
    }

    @Test
    void turnsErrorsLimitsMailboxAndSaves() throws Exception {
        host(new HostOptions());
        assertEquals(0, gauge("luahost.sessions", "state", "live"));
        assertEquals(1L, SessionsTest.get(host.call("a", "inc"))[0]);
        assertEquals(1, gauge("luahost.sessions", "state", "live"));
        assertEquals(0, gauge("luahost.sessions", "state", "starting"));
        PersistentSessionsTest.waitUntil(() -> count("luahost.turns", "kind", "call") == 1);
        assertEquals(1, count("luahost.turns", "kind", "start"));
        assertTrue(timerCount("luahost.turn.latency") >= 2);
        assertEquals(17, registry.find("luahost.turn.latency").timer().takeSnapshot().histogramCounts().length);   // 50 µs .. 10 s

        SessionsTest.get(host.send("a", 5L));
        SessionsTest.get(host.call("a", "arm"));
        PersistentSessionsTest.waitUntil(() -> count("luahost.turns", "kind", "send") == 1
                && count("luahost.turns", "kind", "timer") == 1);

        // errors by kind: a Lua error, a missing function
        SessionsTest.failure(host.call("a", "boom"));
        SessionsTest.failure(host.call("a", "nosuch"));
        PersistentSessionsTest.waitUntil(() -> count("luahost.errors", "kind", "LUA_ERROR") == 1
                && count("luahost.errors", "kind", "NO_SUCH_FUNCTION") == 1);

        // the limits: a CPU budget, a memory limit
        SessionsTest.get(host.session("cpu", SCRIPT, new SessionOptions().cpuBudget(Duration.ofMillis(50))));
        SessionsTest.failure(host.call("cpu", "spin"));
        PersistentSessionsTest.waitUntil(() -> count("luahost.budget.hits", "limit", "cpu") == 1);
        SessionsTest.get(host.session("mem", SCRIPT, new SessionOptions().memoryLimit(2L << 20)));
        SessionsTest.failure(host.call("mem", "hog"));
        PersistentSessionsTest.waitUntil(() -> count("luahost.budget.hits", "limit", "memory") == 1);
        assertEquals(3, count("luahost.errors", "kind", "LUA_ERROR"));

        // mailbox depth: messages wait behind a turn that spins until it is killed
        SessionsTest.get(host.session("busy", SCRIPT, new SessionOptions().cpuBudget(Duration.ZERO)));
        Future<Object[]> spinning = host.call("busy", "spin");
        for (int i = 0; i < 5; i++) host.send("busy", 1L);
        PersistentSessionsTest.waitUntil(() -> gauge("luahost.mailbox.depth", null, null) >= 5
                && gauge("luahost.mailbox.depth.max", null, null) >= 5);
        SessionsTest.get(host.kill("busy", "test"));
        SessionsTest.failure(spinning);
        PersistentSessionsTest.waitUntil(() -> gauge("luahost.mailbox.depth", null, null) == 0);

        // saves (the interval is zero: after every turn that changed the state) and the store's queue
        PersistentSessionsTest.waitUntil(() -> count("luahost.saves", "outcome", "ok") >= 1
                && timerCount("luahost.save.latency") >= 1);
        assertEquals(0, count("luahost.saves", "outcome", "failed"));
        assertTrue(gauge("luahost.store.queue", null, null) >= 0);
    }

    @Test
    void passivationAndRestore() throws Exception {
        host(new HostOptions().idleTimeout(Duration.ofMillis(300)));
        assertEquals(1L, SessionsTest.get(host.call("p", "inc"))[0]);
        PersistentSessionsTest.waitUntil(() -> count("luahost.passivations", null, null) == 1);
        assertEquals(1, gauge("luahost.sessions", "state", "passivated"));
        assertEquals(0, gauge("luahost.sessions", "state", "live"));
        assertEquals(0, count("luahost.restores", "outcome", "ok"));   // p had no snapshot when it started

        assertEquals(2L, SessionsTest.get(host.call("p", "inc"))[0]);   // restored: its count came back
        assertEquals(1, count("luahost.restores", "outcome", "ok"));
        assertEquals(0, gauge("luahost.sessions", "state", "passivated"));
        assertEquals(2, count("luahost.turns", "kind", "start"));
    }
}
