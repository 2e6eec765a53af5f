package org.luahost.coroutines;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;

/**
 * The documented conversions between Java values and Lua values (the README's
 * "Java values in Lua" table). No reflection: a Java object that is not one
 * of the types below reaches Lua only as a userdata of a type the host
 * registered with {@link UserdataType}.
 *
 * <h2>Java to Lua ({@link #toLua})</h2>
 * <ul>
 * <li>{@code null} → nil; {@code Boolean} → boolean;</li>
 * <li>{@code Long}, {@code Integer}, {@code Short}, {@code Byte} → integer;
 *     {@code Double}, {@code Float} → float; a {@code BigInteger} that fits
 *     64 bits → integer, other {@code BigInteger}s and {@code BigDecimal}s
 *     → float;</li>
 * <li>{@code String}, {@code Character}, any {@code CharSequence} (Java text)
 *     → a Lua string of its UTF-8 bytes; {@code byte[]} → a Lua string of
 *     those bytes;</li>
 * <li>{@code Map} → a new table with the converted keys and values (null keys
 *     and values are left out); {@code List}, other {@code Collection}s and
 *     arrays other than {@code byte[]} → a new sequence {@code {[1]=..., }};
 *     conversion is deep, and a container reached twice becomes one table
 *     (cycles too);</li>
 * <li>Lua values ({@link LuaTable}, {@link LuaFunction}, {@link LuaUserdata},
 *     threads) pass as they are;</li>
 * <li>an object whose class (or a superclass or interface) was registered on
 *     the state with {@link UserdataType#register} → a userdata of that type;</li>
 * <li>anything else → {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <h2>Lua to Java ({@link #toJava})</h2>
 * nil → {@code null}; booleans, integers ({@code Long}) and floats
 * ({@code Double}) as they are; strings → Java text (the bytes read as UTF-8;
 * {@link #toBytes} gives the raw bytes); a userdata → its payload; tables,
 * functions and threads as they are unless asked: {@link #toMap} and
 * {@link #toList} copy a table (deeply, converting what they copy).
 */
public final class Values {
    private Values() {}

    /** A Java value as a Lua value of state L (see the class comment). */
    public static Object toLua(LuaState L, Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) return v;
        if (v instanceof String s) return LuaString.fromJava(s);
        if (isLuaValue(v)) return v;
        return convert(L, v, null);
    }

    private static boolean isLuaValue(Object v) {
        return v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata || v instanceof LuaThreadHandle;
    }

    private static Object convert(LuaState L, Object v, IdentityHashMap<Object, LuaTable> seen) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double || isLuaValue(v)) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        if (v instanceof BigDecimal b) return b.doubleValue();
        if (v instanceof CharSequence || v instanceof Character) return LuaString.fromJava(v.toString());
        if (v instanceof byte[] b) return LuaString.fromBytes(b);
        if (v instanceof Map<?, ?> || v instanceof Collection<?> || v.getClass().isArray()) {
            if (seen == null) seen = new IdentityHashMap<>();
            LuaTable t = seen.get(v);
            if (t != null) return t;
            return container(L, v, seen);
        }
        LuaUserdata u = UserdataType.wrapRegistered(L, v);
        if (u != null) return u;
        throw new IllegalArgumentException("cannot convert a Java " + v.getClass().getName()
                + " to a Lua value (register a UserdataType for it)");
    }

    private static LuaTable container(LuaState L, Object v, IdentityHashMap<Object, LuaTable> seen) {
        LuaTable t;
        if (v instanceof Map<?, ?> m) {
            t = new LuaTable(0, m.size());
            seen.put(v, t);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = convert(L, e.getKey(), seen);
                Object x = convert(L, e.getValue(), seen);
                if (k == null || x == null || (k instanceof Double d && d.isNaN())) continue;
                t.rawset(k, x);
            }
            return t;
        }
        if (v instanceof Collection<?> c) {
            t = new LuaTable(c.size(), 0);
            seen.put(v, t);
            long i = 1;
            for (Object o : c) t.rawset(i++, convert(L, o, seen));
            return t;
        }
        int n = java.lang.reflect.Array.getLength(v);   // an array's elements, not reflection on objects
        t = new LuaTable(n, 0);
        seen.put(v, t);
        for (int i = 0; i < n; i++) t.rawset((long) i + 1, convert(L, java.lang.reflect.Array.get(v, i), seen));
        return t;
    }

    /** A Lua value as a Java value (see the class comment); tables, functions and threads stay as they are. */
    public static Object toJava(Object v) {
        if (v instanceof String s) return LuaString.toJava(s);
        if (v instanceof LuaUserdata u) return u.payload();
        return v;
    }

    /** A Lua string's raw bytes. */
    public static byte[] toBytes(String luaString) { return LuaString.toBytes(luaString); }

    /**
     * A copy of a table as a map in traversal order, keys and values
     * converted with {@link #toJava}; nested tables become maps too (a table
     * reached twice becomes one map).
     */
    public static Map<Object, Object> toMap(LuaTable t) {
        return toMap(t, new IdentityHashMap<>());
    }

    private static Map<Object, Object> toMap(LuaTable t, IdentityHashMap<LuaTable, Object> seen) {
        Map<Object, Object> m = new LinkedHashMap<>();
        seen.put(t, m);
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            m.put(deep(k, seen, false), deep(kv[1], seen, false));
        }
        return m;
    }

    /**
     * A copy of a table's sequence {@code t[1..#t]} (raw length) as a list,
     * elements converted with {@link #toJava}; nested tables become lists too.
     */
    public static List<Object> toList(LuaTable t) {
        return toList(t, new IdentityHashMap<>());
    }

    private static List<Object> toList(LuaTable t, IdentityHashMap<LuaTable, Object> seen) {
        long n = t.length();
        List<Object> l = new ArrayList<>((int) Math.min(n, 1 << 16));
        seen.put(t, l);
        for (long i = 1; i <= n; i++) l.add(deep(t.rawget(i), seen, true));
        return l;
    }

    @SuppressWarnings("unchecked")
    private static Object deep(Object v, IdentityHashMap<LuaTable, Object> seen, boolean lists) {
        if (!(v instanceof LuaTable t)) return toJava(v);
        Object done = seen.get(t);
        if (done != null) return done;
        return lists ? toList(t, seen) : toMap(t, seen);
    }
}
