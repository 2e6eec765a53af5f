package org.luahost.vm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.Profile;

/** The edges ValueGraph reports for each kind of object, in their documented order, and FunctionImages' round trip. */
class ValueGraphTest {
    private static LuaState state() {
        PrintStream ps = new PrintStream(new ByteArrayOutputStream(), true);
        return LuaState.create(Profile.TRUSTED, ps, ps, new ByteArrayInputStream(new byte[0]));
    }

    private static Object run(LuaState L, String code) {
        return LuaFunction.first(L.call(L.load(code, "=t", "t", null)));
    }

    /** Records every edge as a line. */
    private static final class Log implements Edges {
        final List<String> lines = new ArrayList<>();

        @Override public void arraySlot(int index, Object value) { lines.add("array " + index + " " + value); }
        @Override public void hashEntry(Object key, Object value) { lines.add("hash " + key + " " + value); }
        @Override public void metatable(LuaTable mt) { lines.add("metatable " + (mt == null ? "nil" : "table")); }
        @Override public void upvalue(int index, Upvalue cell) { lines.add("upvalue " + index + " " + (cell == null ? "empty" : cell.get())); }
        @Override public void cellValue(Object v) { lines.add("cell " + v); }
        @Override public void userValue(Object v) { lines.add("user " + v); }
        @Override public void thread(LuaThread t) { lines.add("thread"); }
        @Override public void frame(int slots) { lines.add("frame"); }
        @Override public void value(Object v) { lines.add("value " + v); }
    }

    private static List<String> edges(Object o) {
        Log log = new Log();
        ValueGraph.edges(o, log);
        return log.lines;
    }

    @Test
    void tableGivesArraySlotsWithHolesThenHashEntriesThenMetatable() {
        LuaTable t = new LuaTable(3, 1);
        t.rawset(1L, Long.valueOf(10));
        t.rawset(3L, Long.valueOf(30));
        t.rawset("k", "v");
        t.setMetatable(new LuaTable());
        assertEquals(3, t.arraySize());
        List<String> e = edges(t);
        assertEquals(List.of("array 1 10", "array 2 null", "array 3 30", "hash k v", "metatable table"), e);
    }

    @Test
    void removedHashEntriesAreNotReported() {
        LuaState L = state();
        LuaTable t = (LuaTable) run(L, "local t = {a = 1, b = 2} t.a = nil return t");
        assertEquals(List.of("hash b 2", "metatable nil"), edges(t));
    }

    @Test
    void closureGivesItsCellsAndACellItsValue() {
        LuaState L = state();
        LuaFunction f = (LuaFunction) run(L, "local a, b = 1, 'x' return function() return a, b end");
        assertTrue(FunctionImages.isLua(f));
        assertEquals(List.of("upvalue 0 1", "upvalue 1 x"), edges(f));
        assertEquals(List.of("cell 1"), edges(FunctionImages.upvalue(f, 0)));
        assertEquals("a", FunctionImages.upvalueName(f, 0));
    }

    @Test
    void javaFunctionGivesTheLuaValuesItCaptured() {
        LuaTable held = new LuaTable();
        JavaFunction f = JavaFunction.of("holder", (th, a) -> new Object[] {held});
        assertEquals(List.of("value " + held), edges(f));
    }

    @Test
    void userdataGivesMetatableThenUserValue() {
        LuaUserdata u = new LuaUserdata("payload", null);
        u.userValue = 5L;
        assertEquals(List.of("metatable nil", "user 5"), edges(u));
    }

    @Test
    void threadGivesItsFramesValues() {
        LuaState L = state();
        List<List<String>> seen = new ArrayList<>();
        L.setGlobal("probe", JavaFunction.of("probe", (th, a) -> {
            seen.add(edges(th));
            return LuaFunction.NONE;
        }));
        run(L, "local marker = 'on the stack' local captured = 'in a cell' probe() return marker, function() return captured end");
        List<String> e = seen.get(0);
        assertTrue(e.contains("frame"), e.toString());
        assertTrue(e.contains("value on the stack"), e.toString());
        assertTrue(e.contains("value in a cell"), "a captured local's value, not its cell: " + e);
        assertTrue(edges("a string").isEmpty() && edges(1L).isEmpty() && edges(null).isEmpty());
    }

    @Test
    void deepNestingNeedsNoJavaStack() {
        LuaState L = state();
        run(L, "local t = {} for i = 1, 1000000 do t = {t} end deep = t");
        LuaTable t = (LuaTable) L.getGlobal("deep");
        ArrayList<Object> stack = new ArrayList<>();
        int[] n = {0};
        Edges follow = new Edges() {
            @Override public void arraySlot(int index, Object value) { if (value != null) stack.add(value); }
        };
        stack.add(t);
        while (!stack.isEmpty()) {
            n[0]++;
            ValueGraph.edges(stack.removeLast(), follow);
        }
        assertEquals(1_000_001, n[0]);
        L.gc().step(L.mainThread);   // the collector's walk too
        assertSame(t, L.getGlobal("deep"));
    }

    @Test
    void functionImageRoundTripSharesCells() {
        LuaState L = state();
        LuaFunction f = (LuaFunction) run(L, "local n = 41 return function() n = n + 1 return n end");
        String image = FunctionImages.image(f);
        LuaFunction g = FunctionImages.fromImage(L, image, "=restored", 1);
        assertNull(FunctionImages.upvalue(g, 0));
        Upvalue cell = FunctionImages.newUpvalue();
        cell.set(1L);
        FunctionImages.setUpvalue(g, 0, cell);
        LuaFunction h = FunctionImages.sibling(g);
        FunctionImages.setUpvalue(h, 0, cell);
        assertSame(FunctionImages.prototype(g), FunctionImages.prototype(h));
        assertEquals(2L, g.call(L.mainThread));
        assertEquals(3L, h.call(L.mainThread), "one cell shared by both");
        assertNotNull(FunctionImages.source(f));
        assertThrows(IllegalArgumentException.class, () -> FunctionImages.fromImage(L, image, "=bad", 2));
        assertThrows(IllegalArgumentException.class, () -> FunctionImages.upvalueCount(JavaFunction.of("j", (th, a) -> a)));
    }
}
