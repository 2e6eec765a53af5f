package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.luahost.scheduler.PersistentSessionsTest.waitUntil;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;

/**
 * Durable timers (issue 16): {@code host.after}/{@code host.every} are saved
 * with the session and re-armed after a host restart or a passivation; an
 * overdue timer fires once on restore; a saved handle can still cancel.
 * What the callbacks print is read from the host's output.
 */
class DurableTimersTest {
    static final Script TIMERS = Script.of("timers.lua", """
            fired = fired or 0
            ticks = ticks or 0
            function arm(ms) t = host.after(ms, function() fired = fired + 1; print('fired ' .. fired) end) end
            function every(ms) p = host.every(ms, function() ticks = ticks + 1; print('tick ' .. ticks) end) end
            function cancel() return t:cancel() end
            function stop_ticks() return p:cancel() end
            function get() return fired end
            function get_ticks() return ticks end
            """);

    @TempDir Path dir;
    Vertx vertx;
    SessionStore store;
    final List<LuaHost> hosts = new ArrayList<>();
    /** What every host printed (the timer callbacks' prints). */
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void up() { vertx = Vertx.vertx(); }

    @AfterEach
    void down() throws Exception {
        for (LuaHost h : hosts) SessionsTest.get(h.close());
        if (store != null) store.close();
        SessionsTest.get(vertx.close());
    }

    LuaHost host(HostOptions o) throws Exception {
        if (store == null) store = SessionStore.sqlite(dir);
        LuaHost h = LuaHost.create(vertx, o.store(store).defaultScript(TIMERS).verticles(2).output(new PrintStream(out, true)));
        SessionsTest.get(h.ready());
        hosts.add(h);
        return h;
    }

    /** Closes the hosts and the store, as a process exit would (the sessions are saved on close). */
    void restartHost() throws Exception {
        for (LuaHost h : hosts) SessionsTest.get(h.close());
        hosts.clear();
        store.close();
        store = null;
    }

    String printed() {
        synchronized (out) {
            return out.toString();
        }
    }

    static Object call(LuaHost h, String id, String f, Object... args) throws Exception {
        Object[] r = SessionsTest.get(h.call(id, f, args));
        return r.length == 0 ? null : r[0];
    }

    @Test
    void pendingTimerFiresAfterHostRestart() throws Exception {
        LuaHost host = host(new HostOptions());
        call(host, "a", "arm", 3000L);
        restartHost();
        host = host(new HostOptions());
        assertEquals(0L, call(host, "a", "get"));   // restored with its timer, which is not due yet
        waitUntil(() -> printed().contains("fired 1"));
        assertEquals(1L, call(host, "a", "get"));
        assertEquals(false, call(host, "a", "cancel"));   // fired: a one-shot is over
    }

    @Test
    void hostStartRestoresSessionsWithPendingTimers() throws Exception {
        LuaHost host = host(new HostOptions());
        call(host, "w", "arm", 500L);
        call(host, "idle", "get");   // a session without timers is not restored at start
        restartHost();
        store = SessionStore.sqlite(dir);   // the next host's store
        assertEquals(List.of("w"), store.withExtraRoot().toCompletableFuture().get(10, TimeUnit.SECONDS));
        LuaHost again = host(new HostOptions());
        waitUntil(() -> printed().contains("fired 1"));   // nothing was sent to it
        assertNull(again.find("idle"));
    }

    @Test
    void overdueTimersFireOnceOnRestoreAndPeriodicOnesResume() throws Exception {
        LuaHost host = host(new HostOptions());
        call(host, "b", "arm", 200L);
        call(host, "b", "every", 150L);
        restartHost();
        Thread.sleep(1200);   // both fall due (the periodic one several times) while the session is down
        host = host(new HostOptions());
        call(host, "b", "get");   // restores the session
        waitUntil(() -> printed().contains("fired 1") && printed().contains("tick 3"));
        assertEquals(true, call(host, "b", "stop_ticks"));
        assertEquals(1L, call(host, "b", "get"));   // once, not once per missed period
        String p = printed();
        assertEquals(p.indexOf("fired 1"), p.lastIndexOf("fired"), p);
        // before the restart no tick had fired: every tick was printed by the restored timer, one per firing
        long ticks = (Long) call(host, "b", "get_ticks");
        for (long i = 1; i <= ticks; i++) assertEquals(p.indexOf("tick " + i + "\n"), p.lastIndexOf("tick " + i + "\n"), p);
    }

    @Test
    void cancelSurvivesRestart() throws Exception {
        LuaHost host = host(new HostOptions());
        call(host, "c", "arm", 60_000L);
        restartHost();
        host = host(new HostOptions());
        assertEquals(true, call(host, "c", "cancel"));   // the saved handle is the re-armed timer's
        assertEquals(false, call(host, "c", "cancel"));
        restartHost();
        host = host(new HostOptions());
        assertEquals(false, call(host, "c", "cancel"));   // cancelled before the save: it stays cancelled
        // the snapshot holds no pending timer, so it is format version 2 (an older luahost reads it)
        SessionsTest.get(host.stop("c"));
        byte[] bytes = store.load("c").toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow().bytes();
        assertEquals(2, (bytes[4] & 0xFF) << 8 | (bytes[5] & 0xFF));
    }

    @Test
    void passivatedSessionIsRestoredWhenItsTimerIsDue() throws Exception {
        AtomicInteger unloaded = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        LuaHost host = host(new HostOptions().idleTimeout(Duration.ofMillis(100)).listener(new SessionListener() {
            @Override public void started(Session session) { started.incrementAndGet(); }
            @Override public void stopped(Session session) { unloaded.incrementAndGet(); }
        }));
        call(host, "d", "arm", 1500L);
        call(host, "d", "every", 60_000L);   // a periodic timer does not keep it loaded either
        waitUntil(() -> host.find("d") == null && unloaded.get() == 1);   // passivated while its timers wait
        // nothing is sent to it: the host restores it for its timer
        waitUntil(() -> printed().contains("fired 1"));
        assertEquals(2, started.get());
        assertEquals(1L, call(host, "d", "get"));
        assertEquals(true, call(host, "d", "stop_ticks"));   // the periodic one came back too
    }

    @Test
    void noTimerNoWake() throws Exception {
        AtomicInteger started = new AtomicInteger();
        LuaHost host = host(new HostOptions().idleTimeout(Duration.ofMillis(100)).listener(new SessionListener() {
            @Override public void started(Session session) { started.incrementAndGet(); }
        }));
        call(host, "e", "arm", 100_000L);
        assertEquals(true, call(host, "e", "cancel"));
        waitUntil(() -> host.find("e") == null);
        Thread.sleep(300);
        assertNull(host.find("e"));
        assertEquals(1, started.get());
    }
}
