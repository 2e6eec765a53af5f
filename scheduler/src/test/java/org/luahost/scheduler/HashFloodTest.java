package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.Test;

/**
 * Hash flooding (issue 13, found in session 8): {@code LuaTable} placed
 * string keys by Java's {@code String.hashCode} (linear probing), and strings
 * of the same hash are easy to make: every string of n blocks "Aa" or "BB"
 * has one hash. A table of 2^14 such keys took 1.9 s to fill against
 * 0.012 s in lua5.4 (quadratic: 2^15 keys about 8 s), and a client could send
 * such keys as a JSON object. A table that meets such a walk now switches to
 * a keyed hash (vm {@code KeyedHash}; vm HashFloodTableTest checks the
 * table's behaviour).
 *
 * <p>The test: filling a table with 2^15 colliding keys fits in a 2 s CPU
 * budget (lua5.4 needs about 30 ms).
 */
class HashFloodTest {
    @Test
    void collidingKeysFitTheBudget() throws Exception {
        Vertx vertx = Vertx.vertx();
        LuaHost host = LuaHost.create(vertx, new HostOptions().verticles(1).output(new PrintStream(new ByteArrayOutputStream())));
        try {
            SessionsTest.get(host.ready());
            Session s = SessionsTest.get(host.session("flood", Script.of("flood.lua", """
                    function fill(n)
                      local t, count = {}, 0
                      local function gen(d, s)
                        if d == 0 then t[s] = true count = count + 1 return end
                        gen(d - 1, s .. 'Aa') gen(d - 1, s .. 'BB')
                      end
                      gen(n, '')
                      return count
                    end
                    """), new SessionOptions().cpuBudget(Duration.ofSeconds(2)).memoryLimit(0)));
            assertArrayEquals(new Object[] {32768L}, SessionsTest.get(s.call("fill", 15L)));
        } finally {
            SessionsTest.get(host.close(Duration.ofSeconds(20)));
            SessionsTest.get(vertx.close());
        }
    }
}
