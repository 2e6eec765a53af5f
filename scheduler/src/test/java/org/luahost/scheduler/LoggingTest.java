package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.scheduler.SessionsTest.failure;
import static org.luahost.scheduler.SessionsTest.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's logs: every failed turn reaches the host's SLF4J log with the
 * session id, the handler and the Lua traceback (WARN when nobody else hears
 * of it, DEBUG for a call whose caller gets the error), as does a session
 * that cannot start; scripts log with {@code host.log}. The events are read
 * from {@link TestLogging}, the tests' provider.
 */
class LoggingTest {
    static Vertx vertx;
    static LuaHost host;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().output(new PrintStream(new ByteArrayOutputStream())));
        get(host.ready());
    }

    @AfterAll
    static void down() throws Exception {
        get(host.close());
        get(vertx.close());
    }

    /** Waits (up to 10 s) for an event containing part. */
    private static String event(String part) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            List<String> e = TestLogging.events(part);
            if (!e.isEmpty()) return e.get(0);
            Thread.sleep(10);
        }
        throw new AssertionError("no log event contains: " + part);
    }

    @Test
    void aFailingMessageHandlerIsLoggedWithItsTraceback() throws Exception {
        Session s = get(host.session("log-msg", Script.of("m.lua", """
                local function deep(x) error('bad message ' .. tostring(x)) end
                function on_message(from, x) deep(x) end
                function ping() return 'pong' end
                """), new SessionOptions()));
        s.send(7);
        String e = event("session 'log-msg': on_message failed");
        assertTrue(e.startsWith("WARN org.luahost.session: "), e);
        assertTrue(e.contains("m.lua:1: bad message 7"), e);
        assertTrue(e.contains("stack traceback:") && e.contains("in upvalue 'deep'"), e);
        assertEquals("pong", get(s.call("ping"))[0]);   // the session goes on
    }

    @Test
    void aFailingTimerCallbackIsLogged() throws Exception {
        get(host.session("log-timer", Script.of("t.lua", """
                host.after(10, function() error({code = 42}) end)
                """), new SessionOptions()));
        String e = event("session 'log-timer': a host.after callback failed");
        assertTrue(e.startsWith("WARN org.luahost.session: "), e);
    }

    @Test
    void aFailedCallIsLoggedAtDebugAndAFailedStartAtWarn() throws Exception {
        Session s = get(host.session("log-call", Script.of("c.lua", "function f() error('nope') end"), new SessionOptions()));
        failure(s.call("f"));
        String e = event("session 'log-call': call f failed");
        assertTrue(e.startsWith("DEBUG org.luahost.session: ") && e.contains("c.lua:1: nope"), e);

        failure(host.session("log-start", Script.of("s.lua", "local x = nil\nx.y = 1"), new SessionOptions()));
        e = event("session 'log-start' could not start");
        assertTrue(e.startsWith("WARN org.luahost.session: ") && e.contains("s.lua:2: attempt to index a nil value (local 'x')")
                && e.contains("stack traceback:"), e);
    }

    @Test
    void scriptsLogThroughHostLog() throws Exception {
        Session s = get(host.session("log-script", Script.of("l.lua", """
                function f()
                  host.log('info', 'player', 7, 'joined', setmetatable({}, {__tostring = function() return 'T' end}))
                  host.log('error', 'boom')
                  return pcall(function() host.log('loud', 'x') end)
                end
                """), new SessionOptions()));
        Object[] r = get(s.call("f"));
        assertEquals(false, r[0]);
        assertTrue(String.valueOf(r[1]).contains("bad argument #1 to 'log' (invalid option 'loud')"), String.valueOf(r[1]));
        assertEquals("INFO org.luahost.script: [log-script] player\t7\tjoined\tT", event("[log-script] player"));
        assertEquals("ERROR org.luahost.script: [log-script] boom", event("[log-script] boom"));
    }
}
