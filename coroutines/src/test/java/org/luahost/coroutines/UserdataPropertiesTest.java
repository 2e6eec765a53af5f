package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaTable;

/** UserdataType's properties, operators and fallbacks, the record and interface builders, and typed Lua-to-Java conversion. */
class UserdataPropertiesTest {
    static final class Monster {
        final String kind;
        int hp;

        Monster(String kind, int hp) {
            this.kind = kind;
            this.hp = hp;
        }
    }

    static final UserdataType<Monster> MONSTER = UserdataType.of(Monster.class, "Monster")
            .property("kind", m -> m.kind)
            .property("hp", Integer.class, m -> m.hp, (m, v) -> m.hp = v)
            .method("hit", (th, m, a) -> m.hp -= 10)
            .index((th, m, key) -> "?" + key)
            .toString(m -> m.kind + "(" + m.hp + ")")
            .build();

    record Vec(double x, double y) {}

    static final UserdataType<Vec> VEC = UserdataType.ofRecord(Vec.class, "Vec")
            .operator(UserdataType.Op.ADD, (th, a, b) -> {
                Vec p = vec(a);
                Vec q = vec(b);
                return new Vec(p.x() + q.x(), p.y() + q.y());
            })
            .operator(UserdataType.Op.UNM, (th, a, b) -> new Vec(-vec(a).x(), -vec(a).y()))
            .operator(UserdataType.Op.LEN, (th, a, b) -> Math.hypot(vec(a).x(), vec(a).y()))
            .ordering(java.util.Comparator.comparingDouble(v -> Math.hypot(v.x(), v.y())))
            .build();

    private static Vec vec(Object v) { return Values.toJava(v, Vec.class, "operand"); }

    /** What a game exposes: only these methods reach Lua, whatever the implementing class has. */
    public interface Inventory {
        int count(String item);
        void add(String item, int n);
        void add(String item);
        List<String> items();
    }

    static final class Bag implements Inventory {
        final java.util.TreeMap<String, Integer> items = new java.util.TreeMap<>();
        public int count(String item) { return items.getOrDefault(item, 0); }
        public void add(String item, int n) { items.merge(item, n, Integer::sum); }
        public void add(String item) { add(item, 1); }
        public List<String> items() { return List.copyOf(items.keySet()); }
        public void secret() { throw new AssertionError("not exposed"); }
    }

    static final UserdataType<Inventory> INVENTORY = UserdataType.ofInterface(Inventory.class, "Inventory").build();

    private static Object[] run(LuaRun r, String chunk) { return r.run(chunk, Duration.ofSeconds(20)); }

    @Test
    void propertiesReadWriteAndFallbacks() {
        LuaRun r = new LuaRun();
        Monster m = new Monster("orc", 30);
        r.L.setGlobal("m", MONSTER.wrap(r.L, m));
        Object[] res = run(r, "m:hit() m.hp = m.hp + 5 return m.kind, m.hp, tostring(m), m.other");
        assertArrayEquals(new Object[] {"orc", 25L, "orc(25)", "?other"}, res);
        assertEquals(25, m.hp);
        LuaError e = assertThrows(LuaError.class, () -> run(r, "m.kind = 'elf'"));
        assertTrue(e.getMessage().contains("field 'kind' of Monster is read-only"), e.getMessage());
        e = assertThrows(LuaError.class, () -> run(r, "m.hp = 'lots'"));
        assertTrue(e.getMessage().contains("bad value for field 'hp' of Monster"), e.getMessage());
        e = assertThrows(LuaError.class, () -> run(r, "m.speed = 3"));
        assertTrue(e.getMessage().contains("Monster has no field 'speed'"), e.getMessage());
        e = assertThrows(LuaError.class, () -> run(r, "m.hp = 2^40"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void recordsWithOperatorsEqualityAndOrdering() {
        LuaRun r = new LuaRun();
        VEC.register(r.L);
        r.L.setGlobal("a", Values.toLua(r.L, new Vec(1, 2)));
        r.L.setGlobal("b", Values.toLua(r.L, new Vec(3, 4)));
        Object[] res = run(r, """
                local c = a + b
                return c.x, c.y, (-a).x, #b, a == Vec, a == a, c == a + b, a < b, b <= a, tostring(a)
                """.replace("Vec", "nil"));
        assertArrayEquals(new Object[] {4.0, 6.0, -1.0, 5.0, false, true, true, true, false, "Vec[x=1.0, y=2.0]"}, res);
        assertThrows(LuaError.class, () -> run(r, "return a < 1"));
        assertThrows(LuaError.class, () -> run(r, "a.x = 5"));
    }

    @Test
    void interfacesExposeOnlyTheirMethods() {
        LuaRun r = new LuaRun();
        INVENTORY.register(r.L);
        Bag bag = new Bag();
        r.L.setGlobal("bag", Values.toLua(r.L, bag));
        Object[] res = run(r, "bag:add('sword') bag:add('arrow', 20) bag:add('arrow', 2.0) return bag:count('arrow'), bag.secret, #bag:items()");
        assertArrayEquals(new Object[] {22L, null, 2L}, res);
        LuaError e = assertThrows(LuaError.class, () -> run(r, "bag:add('arrow', 1.5)"));
        assertTrue(e.getMessage().contains("bad argument #2 to 'add'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UserdataType.ofInterface(Bag.class, "Bag"));
    }

    record Spawn(String kind, int level, List<Object> loot, double[] pos, Kind rank) {}

    enum Kind { COMMON, BOSS }

    @Test
    void typedConversionOfTablesToRecordsArraysAndEnums() {
        LuaRun r = new LuaRun();
        Object t = run(r, "return {kind = 'orc', level = 3, loot = {'gold', 5}, pos = {1, 2.5}, rank = 'BOSS'}")[0];
        Spawn s = Values.toJava(t, Spawn.class, "spawn");
        assertEquals("orc", s.kind());
        assertEquals(3, s.level());
        assertEquals(List.of("gold", 5L), s.loot());
        assertArrayEquals(new double[] {1, 2.5}, s.pos());
        assertEquals(Kind.BOSS, s.rank());
        Object partial = run(r, "return {kind = 'imp', level = 1}")[0];
        Spawn p = Values.toJava(partial, Spawn.class, "spawn");
        assertNull(p.loot());
        ValueException e = assertThrows(ValueException.class, () -> Values.toJava(run(r, "return {kind = 'x'}")[0], Spawn.class, "spawn"));
        assertTrue(e.getMessage().contains("nil to a Java int at spawn.level"), e.getMessage());
        assertEquals(Map.of("a", 1L), Values.toJava(run(r, "return {a = 1}")[0], Map.class, "m"));
        assertArrayEquals(new String[] {"x", "y"}, Values.toJava(run(r, "return {'x', 'y'}")[0], String[].class, "a"));
        assertEquals(7, (int) Values.toJava(7.0, int.class, "n"));
        assertThrows(ValueException.class, () -> Values.toJava(7.5, int.class, "n"));
        assertThrows(ValueException.class, () -> Values.toJava("3", int.class, "n"));
        assertEquals(true, Values.toJava(true, boolean.class, "b"));
        assertTrue(Values.toJava(new LuaTable(), LuaTable.class, "t") instanceof LuaTable);
    }
}
