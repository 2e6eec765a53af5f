package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lua-level collections in sessions: __gc finalizers and weak tables between turns, timers as roots, finalizers at stop. */
class SessionGcTest {
    static Vertx vertx;
    static LuaHost host;
    static int counter;

    static final String MAKER = """
            finalized = 0
            cache = setmetatable({}, {__mode = 'v'})
            local mt = {__gc = function() finalized = finalized + 1 end}
            function make(n)
              for i = 1, n do setmetatable({}, mt) end
              for i = 1, 10 do cache[i] = {} end
            end
            function count()
              local n = 0
              for _ in pairs(cache) do n = n + 1 end
              return finalized, n
            end
            """;

    @BeforeAll
    static void up() throws Exception {
        vertx = Vertx.vertx();
        host = LuaHost.create(vertx, new HostOptions().verticles(1).output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
    }

    @AfterAll
    static void down() throws Exception {
        SessionsTest.get(host.close());
        SessionsTest.get(vertx.close());
    }

    static Session start(String code) throws Exception {
        return SessionsTest.get(host.session("gc" + (++counter), Script.of("gc.lua", code), new SessionOptions()));
    }

    @Test
    void finalizersAndWeakTablesBetweenTurns() throws Exception {
        Session s = start(MAKER);
        SessionsTest.get(s.call("make", 10L));
        // too few finalizable objects for a collection: nothing is finalized or cleared yet
        assertArrayEquals(new Object[] {0L, 10L}, SessionsTest.get(s.call("count")));
        SessionsTest.get(s.call("make", 3000L));
        // after that turn a collection ran: every unreachable object finalized, the weak cache emptied
        assertArrayEquals(new Object[] {3010L, 0L}, SessionsTest.get(s.call("count")));
    }

    @Test
    void pendingTimerCallbacksKeepWhatTheyReach() throws Exception {
        Session s = start(MAKER + """
                local kept = setmetatable({}, {__gc = function() kept_finalized = true end})
                local weak = setmetatable({}, {__mode = 'k'})
                weak[kept] = true
                ticker = host.after(60000, function() return kept end)
                function check() return kept_finalized == nil, next(weak) ~= nil end
                """);
        SessionsTest.get(s.call("make", 3000L));
        assertEquals(3000L, SessionsTest.get(s.call("count"))[0]);
        assertArrayEquals(new Object[] {true, true}, SessionsTest.get(s.call("check")));
    }

    @Test
    void stopRunsTheFinalizersWhenTheStateIsNotSaved() throws Exception {
        Session collector = start("""
                got = {}
                function on_message(from, what) got[#got + 1] = what end
                function list() return table.concat(got, ',') end
                """);
        Session s = start("""
                keep = setmetatable({}, {__gc = function() host.send(%s, 'closed') end})
                """.formatted("'" + collector.id() + "'"));
        SessionsTest.get(s.stop());
        SessionsTest.get(collector.call("list"));   // the send is queued before this call
        assertArrayEquals(new Object[] {"closed"}, SessionsTest.get(collector.call("list")));
    }
}
