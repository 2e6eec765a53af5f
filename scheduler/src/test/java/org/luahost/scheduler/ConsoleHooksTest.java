package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.luahost.vm.LuaTable;

/** The host's hooks for the web console: eval in a session, inspect a live state, the recent failed turns. */
class ConsoleHooksTest {
    static Vertx vertx;
    static LuaHost host;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().verticles(1).output(new PrintStream(new ByteArrayOutputStream()))
                .defaultScript(Script.of("c.lua", """
                        counter = 41
                        function on_message(from, m) error('bad message ' .. tostring(m)) end
                        """)));
        get(host.ready());
    }

    @AfterAll
    static void down() throws Exception {
        get(host.close());
        get(vertx.close());
    }

    static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void evalRunsAChunkInTheGlobals() throws Exception {
        Object[] r = get(host.eval("e1", "counter = counter + 1; return counter, 'x'"));
        assertEquals(42L, r[0]);
        assertEquals(43L, get(host.eval("e1", "return counter + 1"))[0]);
        SessionException x = assertFails(host.eval("e1", "return = 1"));
        assertEquals(SessionException.Kind.LUA_ERROR, x.kind());
        x = assertFails(host.eval("e1", "error('boom')"));
        assertTrue(x.getMessage().contains("boom"), x.getMessage());
        List<TurnError> errs = host.recentErrors("e1");
        assertEquals(2, errs.size());
        assertEquals("eval", errs.get(1).handler());
        assertNotNull(errs.get(1).traceback());
    }

    @Test
    void inspectReadsTheLiveStateAndRecentErrorsKeepFailedSends() throws Exception {
        get(host.session("i1"));
        Object v = get(host.inspect("i1", L -> L.globals.rawget("counter")));
        assertEquals(41L, v);
        assertTrue(get(host.inspect("i1", L -> L.globals.rawget("string"))) instanceof LuaTable);
        assertEquals(SessionException.Kind.NO_SUCH_SESSION, assertFails(host.inspect("nobody", L -> 1)).kind());
        get(host.send("i1", "hello"));
        get(host.eval("i1", "return 1"));   // after the send's turn
        List<TurnError> errs = host.recentErrors("i1");
        assertEquals(1, errs.size());
        assertEquals("on_message", errs.getFirst().handler());
        assertTrue(errs.getFirst().message().contains("bad message hello"), errs.getFirst().message());
        assertEquals(List.of(), host.recentErrors("nobody"));
    }

    static SessionException assertFails(Future<?> f) {
        try {
            get(f);
        } catch (java.util.concurrent.ExecutionException e) {
            return (SessionException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("did not fail");
    }
}
