package org.luahost.vm.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;

/**
 * The string library through the Java API: installation, callbacks written in
 * Java, iterators, and inputs too large for the recorded case files. Expected
 * values come from lua5.4 (the same calls run there).
 */
class StringLibTest {
    private final LuaState L = LuaState.create(Profile.TRUSTED);
    private final LuaTable string = (LuaTable) L.getGlobal("string");

    private Object[] call(String fn, Object... args) {
        return L.call(string.rawget(fn), args);
    }

    private Object call1(String fn, Object... args) {
        return LuaFunction.first(call(fn, args));
    }

    @Test
    void installsTableMetatableAndLoaded() {
        assertSame(string, L.stringMeta.rawget("__index"));
        LuaTable loaded = (LuaTable) ((LuaTable) L.getGlobal("package")).rawget("loaded");
        assertSame(string, loaded.rawget("string"));
        for (String ev : new String[] {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__idiv", "__unm"}) {
            assertInstanceOf(LuaFunction.class, L.stringMeta.rawget(ev));
        }
        assertEquals(11L, L.call(L.stringMeta.rawget("__add"), "10", 1L)[0]);
    }

    @Test
    void formatBasics() {
        assertEquals(" 3.14", call1("format", "%5.2f", 3.14159));
        assertEquals("0x1.999999999999ap-4", call1("format", "%a", 0.1));
        assertEquals("0x1p+0", call1("format", "%a", 1.0));
        assertEquals("1e9999 -1e9999 0x8000000000000000", call1("format", "%q %q %q",
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Long.MIN_VALUE));
        assertEquals("\"\\0\\13\\\n\"", call1("format", "%q", "\0\r\n"));
        assertEquals("\0", call1("format", "%c", 0L));
        LuaError e = assertThrows(LuaError.class, () -> call("format", "%10.123d", 1L));
        assertEquals("invalid conversion specification: '%10.123d'", e.value());
    }

    @Test
    void gsubWithJavaFunction() {
        JavaFunction up = JavaFunction.of("up", (th, a) -> JavaFunction.ret(((String) a[0]).toUpperCase() + a.length));
        assertArrayEquals(new Object[] {"H1ello W1orld", 2L}, call("gsub", "hello world", "%f[%w](%w)", up));
        JavaFunction keep = JavaFunction.of("keep", (th, a) -> JavaFunction.ret(Boolean.FALSE));
        assertArrayEquals(new Object[] {"abc", 3L}, call("gsub", "abc", "%w", keep));
        LuaTable t = new LuaTable();
        t.rawset("a", 1L);
        t.rawset("b", 2.5);
        assertArrayEquals(new Object[] {"12.5c", 3L}, call("gsub", "abc", "%w", t));
    }

    @Test
    void gmatchIterator() {
        Object it = call1("gmatch", "k1=v1, k2=v2", "(%w+)=(%w+)");
        assertArrayEquals(new Object[] {"k1", "v1"}, L.call(it));
        assertArrayEquals(new Object[] {"k2", "v2"}, L.call(it));
        assertEquals(0, L.call(it).length);
        assertEquals(0, L.call(it).length);
        Object pos = call1("gmatch", "abc", "()", 4L);
        assertArrayEquals(new Object[] {4L}, L.call(pos));
        assertEquals(0, L.call(pos).length);
    }

    @Test
    void longSubjectsDoNotOverflowTheStack() {
        String big = "a".repeat(2_000_000) + "b";
        assertArrayEquals(new Object[] {1L, 2_000_001L}, call("find", big, "a*b"));
        assertArrayEquals(new Object[] {1L, 2_000_001L}, call("find", big, "^.-b"));
        assertArrayEquals(new Object[] {1L, 2_000_001L}, call("find", big, "^[ab]+$"));
        assertEquals(2_000_000, ((String) call1("match", big, "(a+)")).length());
        Object[] r = call("gsub", big, "a", "");
        assertArrayEquals(new Object[] {"b", 2_000_000L}, r);
    }

    @Test
    void patternTooComplex() {
        String s = "a".repeat(300);
        LuaError e = assertThrows(LuaError.class, () -> call("find", s, "a?".repeat(200)));
        assertEquals("pattern too complex", e.value());
        assertArrayEquals(new Object[] {1L, 199L}, call("find", s, "a?".repeat(199)));
    }

    @Test
    void repLimits() {
        LuaError e = assertThrows(LuaError.class, () -> call("rep", "x", 1L << 31));
        assertEquals("resulting string too large", e.value());
        assertEquals("ab,ab,ab", call1("rep", "ab", 3L, ","));
        assertEquals("", call1("rep", "", Long.MAX_VALUE));
    }

    @Test
    void packRoundTrip() {
        Object p = call1("pack", "<!8 b h i4 j d s1 z", -1L, 300L, -70000L, Long.MIN_VALUE, 0.1, "hi", "z");
        assertEquals(29, ((String) p).length());
        Object[] r = call("unpack", "<!8 b h i4 j d s1 z", p);
        assertArrayEquals(new Object[] {-1L, 300L, -70000L, Long.MIN_VALUE, 0.1, "hi", "z", 30L}, r);
        LuaError e = assertThrows(LuaError.class, () -> call("pack", "i17", 1L));
        assertEquals("integral size (17) out of limits [1,16]", e.value());
        assertNull(call("find", "abc", "x")[0]);
    }
}
