package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.luahost.coroutines.ValueLimits;
import org.luahost.coroutines.Values;
import org.luahost.persistence.SessionStore;
import org.luahost.vm.LuaTable;

/**
 * The Java/Lua value boundary through a {@link LuaHost} with a data folder:
 * Java text is UTF-8 in Lua and comes back as the same text after a save and
 * a restore; maps, lists, arrays, records and Vert.x JSON values convert;
 * errors name the path; deep values fail with an error, not a crash.
 */
class ValueBoundaryTest {
    @TempDir Path dir;

    static final String SCRIPT = """
            saved = saved or {}
            function put(k, v) saved[k] = v return #k, type(v) end
            function get(k) return saved[k] end
            function len(s) return #s end
            function field(t, a, b) if b then return t[a][b] end return t[a] end
            function deep(n) local t = {} local r = t for i = 1, n do t[1] = {} t = t[1] end return r end
            """;

    record Point(int x, String label) {}

    LuaHost host(Vertx vertx, SessionStore store) throws Exception {
        LuaHost h = LuaHost.create(vertx, new HostOptions().store(store).defaultScript(Script.of("app.lua", SCRIPT))
                .output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(h.ready());
        return h;
    }

    @Test
    void textRoundTripsThroughSaveAndRestore() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            SessionStore store = SessionStore.sqlite(dir);
            LuaHost h = host(vertx, store);
            // Java text is UTF-8 bytes in Lua: "Zoë" is 4 bytes, "张伟" 6
            assertEquals(4L, SessionsTest.get(h.call("u", "len", "Zoë"))[0]);
            assertEquals(6L, SessionsTest.get(h.call("u", "len", "张伟"))[0]);
            Object[] r = SessionsTest.get(h.call("u", "put", "Zoë", "张伟"));
            assertEquals(4L, r[0]);
            SessionsTest.get(h.call("u", "put", "names", List.of("Zoë", "张伟", "😀")));
            SessionsTest.get(h.call("u", "put", "bytes", "\udcff\udc80ok"));   // surrogate escapes: raw bytes
            assertEquals(4L, SessionsTest.get(h.call("u", "len", "\udcff\udc80ok"))[0]);
            SessionsTest.get(h.close());
            store.close();

            store = SessionStore.sqlite(dir);
            h = host(vertx, store);
            assertEquals("张伟", SessionsTest.get(h.call("u", "get", "Zoë"))[0]);
            LuaTable names = (LuaTable) SessionsTest.get(h.call("u", "get", "names"))[0];
            assertEquals(List.of("Zoë", "张伟", "😀"), Values.toJavaDeep(names, ValueLimits.DEFAULT, "names"));
            assertEquals("\udcff\udc80ok", SessionsTest.get(h.call("u", "get", "bytes"))[0]);
            SessionsTest.get(h.close());
            store.close();
        } finally {
            SessionsTest.get(vertx.close());
        }
    }

    @Test
    void containersConvert() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (SessionStore store = SessionStore.sqlite(dir)) {
            LuaHost h = host(vertx, store);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "Zoë");
            m.put("tags", List.of("a", "b"));
            m.put("none", null);
            assertEquals("Zoë", SessionsTest.get(h.call("c", "field", m, "name"))[0]);
            assertEquals("b", SessionsTest.get(h.call("c", "field", m, "tags", 2))[0]);
            assertEquals(null, SessionsTest.get(h.call("c", "field", m, "none"))[0]);
            assertEquals(7L, SessionsTest.get(h.call("c", "field", new Point(7, "p"), "x"))[0]);
            assertEquals("p", SessionsTest.get(h.call("c", "field", new Point(7, "p"), "label"))[0]);
            assertEquals(3L, SessionsTest.get(h.call("c", "field", new int[] {1, 2, 3}, 3))[0]);
            assertEquals("ü", SessionsTest.get(h.call("c", "field", new JsonObject().put("k", "ü"), "k"))[0]);
            assertEquals(2L, SessionsTest.get(h.call("c", "field", new JsonArray().add(new JsonObject().put("n", 2)), 1, "n"))[0]);
            // Lua back to Java and JSON
            LuaTable t = (LuaTable) SessionsTest.get(h.call("c", "field", Map.of("t", Map.of("a", List.of(1, 2))), "t"))[0];
            assertEquals(Map.of("a", List.of(1L, 2L)), Values.toJavaDeep(t, ValueLimits.DEFAULT, "t"));
            assertEquals(new JsonObject().put("a", new JsonArray().add(1).add(2)), LuaJson.toJson(t));
            // what cannot convert says where it was
            SessionException e = assertThrows(SessionException.class,
                    () -> SessionsTest.get(h.call("c", "field", Map.of("k", List.of(new Object())), "k")));
            assertTrue(e.getMessage().contains("cannot convert a Java java.lang.Object") && e.getMessage().contains("argument 1.k[1]"),
                    e.getMessage());
            SessionsTest.get(h.close());
        } finally {
            SessionsTest.get(vertx.close());
        }
    }

    @Test
    void deepValuesFailWithAPath() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (SessionStore store = SessionStore.sqlite(dir)) {
            LuaHost h = host(vertx, store);
            SessionException e = assertThrows(SessionException.class, () -> SessionsTest.get(h.call("d", "deep", 200_000)));
            assertTrue(e.getMessage().contains("nested deeper than 1000 levels from 'deep' to its Java caller at result 1[1][1][1][1][1]...[1][1] (depth 1000)"),
                    e.getMessage());
            Object[] ok = SessionsTest.get(h.call("d", "deep", 900));
            assertInstanceOf(LuaTable.class, ok[0]);
            // Java to Lua: a list nested 5,000 deep is refused the same way, without a stack overflow
            Object nested = List.of();
            for (int i = 0; i < 5000; i++) nested = List.of(nested);
            Object n = nested;
            e = assertThrows(SessionException.class, () -> SessionsTest.get(h.call("d", "len", n)));
            assertTrue(e.getMessage().contains("value nested deeper than 1000 levels at argument 1[1]"), e.getMessage());
            SessionsTest.get(h.close());
        } finally {
            SessionsTest.get(vertx.close());
        }
    }
}
