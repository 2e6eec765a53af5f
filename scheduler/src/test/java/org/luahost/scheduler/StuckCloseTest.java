package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.scheduler.SessionsTest.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;

/**
 * close(bound) while a turn is stuck in Java code that never reaches a work
 * check and ignores interrupts (what a library call without work accounting
 * was): the close returns within its bound, every other session is saved
 * (with what it acknowledged), and the report names the stuck one and why.
 */
class StuckCloseTest {
    @TempDir Path dir;
    static volatile boolean release;
    Vertx vertx = Vertx.vertx();

    @AfterEach
    void down() throws Exception {
        release = true;   // the stuck thread ends (the test JVM goes on)
        get(vertx.close());
    }

    static final String COUNTER = """
            n = n or 0
            function inc() n = n + 1 return n end
            function get() return n end
            function stuck() spin() end
            """;

    LuaHost host(SessionStore store) throws Exception {
        LuaHost h = LuaHost.create(vertx, new HostOptions().verticles(2).store(store).saveInterval(Duration.ofSeconds(60))
                .output(new PrintStream(new ByteArrayOutputStream()))
                .defaultScript(Script.of("counter.lua", COUNTER))
                .listener(new SessionListener() {
                    @Override
                    public void created(Session s, LuaState L) {
                        L.setGlobal("spin", JavaFunction.of("spin", (th, a) -> {
                            while (!release) Thread.onSpinWait();   // no work check, deaf to interrupts
                            return LuaFunction.NONE;
                        }));
                    }
                }));
        get(h.ready());
        return h;
    }

    @Test
    void closeSavesEveryoneButTheStuckTurnWithinItsBound() throws Exception {
        release = false;
        SessionStore store = SessionStore.sqlite(dir);
        LuaHost h = host(store);
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k <= i % 5; k++) get(h.call("c" + i, "inc"));
        }
        Future<Object[]> stuck = h.call("stuck", "stuck");
        Thread.sleep(300);
        long t0 = System.nanoTime();
        CloseReport r = h.close(Duration.ofSeconds(3)).toCompletionStage().toCompletableFuture()
                .get(3 + 2, java.util.concurrent.TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.err.println("close took " + ms + " ms: " + r);
        assertTrue(ms < 3000 + 1000, "close took " + ms + " ms");
        assertEquals(java.util.Set.of("stuck"), r.notSaved().keySet(), r.toString());
        assertTrue(r.notSaved().get("stuck").contains("call stuck") && r.notSaved().get("stuck").contains("no work check"),
                r.toString());
        assertEquals(20, r.stopped());
        release = true;
        try {
            stuck.toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception expected) {
            // killed, or stopped: either way it ends once released
        }
        store.close();
        SessionStore again = SessionStore.sqlite(dir);
        LuaHost h2 = host(again);
        try {
            for (int i = 0; i < 20; i++) assertEquals((long) (i % 5 + 1), get(h2.call("c" + i, "get"))[0], "c" + i);
        } finally {
            get(h2.close(Duration.ofSeconds(5)));
            again.close();
        }
    }
}
