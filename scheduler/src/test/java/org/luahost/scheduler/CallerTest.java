package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.luahost.scheduler.SessionsTest.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.Test;

/**
 * host.caller() (issue 16: calls from Java with a sender id): the calling
 * session's id for host.call, what LuaHost.callFrom names, nil for a plain
 * Java call and outside calls; a function can answer its caller with
 * host.send.
 */
class CallerTest {
    @Test
    void theCalledFunctionKnowsItsCaller() throws Exception {
        Vertx vertx = Vertx.vertx();
        LuaHost host = LuaHost.create(vertx, new HostOptions().verticles(2).defaultScript(Script.of("app.lua", """
                got = {}
                function who() return host.caller() end
                function ask(target) return host.call(target, 'who') end
                function greet() host.send(host.caller(), 'hello ' .. host.caller()) return true end
                function on_message(from, m) got[#got + 1] = tostring(from) .. ': ' .. m; caller_in_send = host.caller() end
                function received() return table.concat(got, ';'), caller_in_send end
                """)).output(new PrintStream(new ByteArrayOutputStream())));
        try {
            get(host.ready());
            assertArrayEquals(new Object[] {null}, get(host.call("a", "who")));
            assertArrayEquals(new Object[] {"game-server"}, get(host.callFrom("a", "game-server", "who")));
            assertArrayEquals(new Object[] {"Zoë"}, get(host.callFrom("a", "Zoë", "who")));
            assertArrayEquals(new Object[] {"b"}, get(host.call("b", "ask", "a")));   // b calls a: a sees b
            assertArrayEquals(new Object[] {true}, get(host.callFrom("a", "c", "greet")));   // a answers c
            Object[] r = null;
            for (int i = 0; i < 200; i++) {
                r = get(host.call("c", "received"));
                if (!"".equals(r[0])) break;
                Thread.sleep(10);
            }
            assertArrayEquals(new Object[] {"a: hello c", null}, r);
        } finally {
            get(host.close());
            get(vertx.close());
        }
    }
}
