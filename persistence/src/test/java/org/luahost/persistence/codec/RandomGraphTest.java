package org.luahost.persistence.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luahost.persistence.Persister;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.spi.FunctionImages;
import org.luahost.vm.spi.Upvalue;

/**
 * Round trips of random value graphs (seeded): tables with random keys and
 * values of every kind, cycles, shared references, metatables, closures
 * with private and shared upvalues, and library values. Every generated
 * object carries an id (a table field, or a closure's {@code id} upvalue), so
 * the restored graph can be checked object by object: same contents under
 * the id correspondence, and one restored object per id (sharing kept).
 */
class RandomGraphTest {
    private static final String ID = "\0id";
    private static final long[] NAN_BITS = {0x7ff8000000000000L, 0xfff8000000000001L, 0x7ff0000000000abcL};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomGraphRoundTrips(long seed) {
        LuaState a = HostileInputTest.fresh();
        HostIndex hostA = HostIndex.scan(a);
        Persister pa = Persister.attach(a);
        new Generator(a, new SplittableRandom(seed)).generate(40 + (int) (seed * 15));
        byte[] snap = pa.capture().bytes();

        LuaState b = HostileInputTest.fresh();
        HostIndex hostB = HostIndex.scan(b);
        Persister.attach(b).restore(snap);

        Map<Long, Object> objsA = collect(a, hostA), objsB = collect(b, hostB);
        assertEquals(objsA.keySet(), objsB.keySet(), "the same objects are reachable");
        Compare cmp = new Compare(hostA, hostB, objsB);
        for (Map.Entry<Long, Object> e : objsA.entrySet()) cmp.object(e.getValue(), objsB.get(e.getKey()));
        for (int i = 1; i <= 10; i++) cmp.same(a.getGlobal("r" + i), b.getGlobal("r" + i), "r" + i);
    }

    /** Builds the graph in L through the Java API, closures through two Lua factories. */
    private static final class Generator {
        final LuaState L;
        final SplittableRandom rnd;
        final List<Object> objects = new ArrayList<>();
        final Object[] hostValues;
        final LuaFunction mk, mkpair;

        Generator(LuaState L, SplittableRandom rnd) {
            this.L = L;
            this.rnd = rnd;
            LuaTable string = (LuaTable) L.getGlobal("string");
            hostValues = new Object[] {L.getGlobal("print"), string, L.globals, string.rawget("format"), L.getGlobal("math")};
            Object[] fs = L.call(L.load("""
                    local function mk(id, x, y) return function() return id, x, y end end
                    local function mkpair(id, id2, s)
                      local shared = s
                      return function() return id, shared end, function(v) shared = v return id2 end
                    end
                    return mk, mkpair
                    """, "=factories", "t", null));
            mk = (LuaFunction) fs[0];
            mkpair = (LuaFunction) fs[1];
        }

        void generate(int n) {
            while (objects.size() < n) {
                long id = objects.size();
                switch (rnd.nextInt(10)) {
                    case 0, 1 -> objects.add(L.call(mk, id, value(), value())[0]);
                    case 2 -> {
                        Object[] pair = L.call(mkpair, id, id + 1, value());
                        objects.add(pair[0]);
                        objects.add(pair[1]);
                    }
                    default -> {
                        LuaTable t = rnd.nextInt(4) == 0 ? new LuaTable(rnd.nextInt(8), rnd.nextInt(4)) : new LuaTable();
                        t.rawset(ID, id);
                        objects.add(t);
                    }
                }
            }
            for (Object o : objects) {
                if (!(o instanceof LuaTable t)) continue;
                int len = rnd.nextInt(6);
                for (int i = 1; i <= len; i++) if (rnd.nextInt(5) > 0) t.rawset(i, value());
                int entries = rnd.nextInt(8);
                for (int i = 0; i < entries; i++) t.rawset(key(), value());
                if (rnd.nextInt(5) == 0) t.setMetatable((LuaTable) pickTable());
            }
            for (int i = 1; i <= 10; i++) L.setGlobal("r" + i, objects.isEmpty() ? null : objects.get(rnd.nextInt(objects.size())));
        }

        Object pickTable() {
            for (int tries = 0; tries < 20; tries++) {
                Object o = objects.get(rnd.nextInt(objects.size()));
                if (o instanceof LuaTable) return o;
            }
            return null;
        }

        Object key() {
            Object k;
            do { k = value(); } while (k == null || k instanceof Double d && d.isNaN());
            return k;
        }

        Object value() {
            return switch (rnd.nextInt(12)) {
                case 0 -> null;
                case 1 -> rnd.nextBoolean();
                case 2 -> rnd.nextLong(-1000, 1000);
                case 3 -> switch (rnd.nextInt(4)) {
                    case 0 -> Long.MIN_VALUE;
                    case 1 -> Long.MAX_VALUE;
                    default -> rnd.nextLong();
                };
                case 4 -> switch (rnd.nextInt(6)) {
                    case 0 -> -0.0;
                    case 1 -> Double.POSITIVE_INFINITY;
                    case 2 -> Double.longBitsToDouble(NAN_BITS[rnd.nextInt(NAN_BITS.length)]);
                    default -> rnd.nextDouble() * 1e6 - 5e5;
                };
                case 5, 6 -> {
                    char[] cs = new char[rnd.nextInt(12)];
                    for (int i = 0; i < cs.length; i++) cs[i] = (char) (rnd.nextInt(3) == 0 ? rnd.nextInt(256) : 'a' + rnd.nextInt(4));
                    yield new String(cs);
                }
                case 7 -> hostValues[rnd.nextInt(hostValues.length)];
                default -> objects.isEmpty() ? "empty" : objects.get(rnd.nextInt(objects.size()));
            };
        }
    }

    private static long idOf(Object o) {
        if (o instanceof LuaTable t) return (Long) t.rawget(ID);
        LuaFunction c = (LuaFunction) o;
        for (int i = 0; i < FunctionImages.upvalueCount(c); i++) {
            String name = FunctionImages.upvalueName(c, i);
            if (name.equals("id") || name.equals("id2")) return (Long) FunctionImages.upvalue(c, i).get();
        }
        throw new AssertionError("a closure without an id");
    }

    /** Every generated object reachable from the globals r1..r10, by id; fails if two objects share an id. */
    private static Map<Long, Object> collect(LuaState L, HostIndex host) {
        Map<Long, Object> byId = new HashMap<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        Object[] kv = new Object[2];
        List<Object> next = new ArrayList<>();
        for (int i = 1; i <= 10; i++) next.add(L.getGlobal("r" + i));
        while (!next.isEmpty()) {
            Object o = next.removeLast();
            if (!(o instanceof LuaTable || FunctionImages.isLua(o)) || host.nameOf(o) != null || seen.put(o, true) != null) continue;
            Object prev = byId.put(idOf(o), o);
            if (prev != null && prev != o) fail("two objects with id " + idOf(o) + ": sharing was not kept");
            if (o instanceof LuaTable t) {
                for (Object k = null; t.next(k, kv); k = kv[0]) { next.add(kv[0]); next.add(kv[1]); }
                next.add(t.getMetatable());
            } else {
                LuaFunction f = (LuaFunction) o;
                for (int i = 0; i < FunctionImages.upvalueCount(f); i++) {
                    Upvalue c = FunctionImages.upvalue(f, i);
                    if (c != null) next.add(c.get());
                }
            }
        }
        return byId;
    }

    private static final class Compare {
        final HostIndex hostA;
        final Map<String, Object> hostB;
        final Map<Long, Object> objsB;
        final IdentityHashMap<Upvalue, Upvalue> cells = new IdentityHashMap<>();

        Compare(HostIndex hostA, HostIndex hostB, Map<Long, Object> objsB) {
            this.hostA = hostA;
            this.hostB = hostB.byName();
            this.objsB = objsB;
        }

        /** The value in B that corresponds to a value of A. */
        Object translate(Object v) {
            if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
            String name = hostA.nameOf(v);
            if (name != null) return hostB.get(name);
            return objsB.get(idOf(v));
        }

        void same(Object va, Object vb, String where) {
            Object want = translate(va);
            if (want instanceof Double d && vb instanceof Double e) {
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(e), where);
            } else if (want instanceof String || want instanceof Long || want instanceof Boolean) {
                assertEquals(want, vb, where);
            } else {
                assertSame(want, vb, where);
            }
        }

        void object(Object a, Object b) {
            assertNotNull(b);
            if (a instanceof LuaTable ta) {
                LuaTable tb = (LuaTable) b;
                Object[] kv = new Object[2];
                int na = 0, nb = 0;
                for (Object k = null; ta.next(k, kv); k = kv[0]) {
                    na++;
                    Object kb = translate(kv[0]);
                    same(kv[1], tb.rawget(kb), "value of key " + kv[0]);
                }
                for (Object k = null; tb.next(k, kv); k = kv[0]) nb++;
                assertEquals(na, nb, "entry count");
                same(ta.getMetatable(), tb.getMetatable(), "metatable");
            } else {
                LuaFunction ca = (LuaFunction) a, cb = (LuaFunction) b;
                // the same prototype (its image holds its lines, names and code)
                assertEquals(FunctionImages.image(ca), FunctionImages.image(cb));
                int n = FunctionImages.upvalueCount(ca);
                assertEquals(n, FunctionImages.upvalueCount(cb));
                for (int i = 0; i < n; i++) {
                    Upvalue ua = FunctionImages.upvalue(ca, i), ub = FunctionImages.upvalue(cb, i);
                    Upvalue prev = cells.putIfAbsent(ua, ub);
                    assertTrue(prev == null || prev == ub, "a shared upvalue is no longer shared");
                    same(ua.get(), ub.get(), "upvalue " + FunctionImages.upvalueName(ca, i));
                }
            }
        }
    }
}
