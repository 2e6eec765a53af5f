package org.luahost.coroutines;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;

/**
 * The walk behind {@link Values#toLua}: Java values to Lua values, with an
 * explicit stack (no recursion, so depth is bounded by {@link ValueLimits},
 * not by the Java stack). A container reached twice becomes one table
 * (cycles too). Errors are {@link ValueException}s naming the path.
 *
 * <p>One instance per conversion, on one thread.
 */
final class JavaToLua {
    private final LuaState L;                 // for registered userdata types; may be null
    private final ValueLimits limits;
    private final UnaryOperator<Object> unwrap;
    private final IdentityHashMap<Object, LuaTable> seen = new IdentityHashMap<>();
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private long entries;

    /** One container being filled: its entries as an iterator of keys and values. */
    private record Frame(LuaTable table, Iterator<?> it, Object source, ValuePath path, long[] index) {}

    JavaToLua(LuaState L, ValueLimits limits, UnaryOperator<Object> unwrap) {
        this.L = L;
        this.limits = limits;
        this.unwrap = unwrap == null ? UnaryOperator.identity() : unwrap;
    }

    Object convert(Object v, ValuePath path) {
        Object root = value(v, path);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (!f.it.hasNext()) {
                stack.pop();
                continue;
            }
            if (++entries > limits.maxEntries()) throw limits.tooMany(f.path);
            Object k;
            Object x;
            if (f.source instanceof Map<?, ?>) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) f.it.next();
                k = key(e.getKey(), f.path);
                if (k == null) continue;
                x = e.getValue();
            } else if (f.source instanceof Record) {
                RecordComponent c = (RecordComponent) f.it.next();
                k = Utf8Text.luaString(c.getName());
                x = component(f.source, c, f.path);
            } else {
                k = ++f.index[0];
                x = f.it.next();
            }
            Object lv = value(x, f.path.child(k));
            if (lv != null) f.table.rawset(k, lv);
        }
        return root;
    }

    /** A scalar converted, or a container's (new or already made) table, pushed for filling. */
    private Object value(Object v, ValuePath path) {
        v = unwrap.apply(v);
        Object s = scalar(v, path);
        if (s != NOT_SCALAR) return s;
        LuaTable t = seen.get(v);
        if (t != null) return t;
        if (path.depth() >= limits.maxDepth()) throw limits.tooDeep(path);
        Iterator<?> it;
        if (v instanceof Map<?, ?> m) {
            t = new LuaTable(0, m.size());
            it = m.entrySet().iterator();
        } else if (v instanceof Collection<?> c) {
            t = new LuaTable(c.size(), 0);
            it = c.iterator();
        } else if (v instanceof Record r) {
            RecordComponent[] cs = r.getClass().getRecordComponents();
            t = new LuaTable(0, cs.length);
            it = java.util.List.of(cs).iterator();
        } else {
            Object array = v;
            int n = Array.getLength(array);   // an array's elements, not reflection on objects
            t = new LuaTable(n, 0);
            it = new Iterator<Object>() {
                int i;
                public boolean hasNext() { return i < n; }
                public Object next() { return Array.get(array, i++); }
            };
        }
        seen.put(v, t);
        stack.push(new Frame(t, it, v, path, new long[1]));
        return t;
    }

    private static final Object NOT_SCALAR = new Object();

    private Object scalar(Object v, ValuePath path) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) return v;
        if (v instanceof String s) return text(s, path);
        if (v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata || v instanceof LuaThreadHandle) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        if (v instanceof BigDecimal b) return b.doubleValue();
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof CharSequence || v instanceof Character) return text(v.toString(), path);
        if (v instanceof byte[] b) return org.luahost.vm.LuaString.fromBytes(b);
        LuaUserdata u = L == null ? null : UserdataType.wrapRegistered(L, v);   // a registered type wins over the data rules
        if (u != null) return u;
        if (v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof Record || v.getClass().isArray()) return NOT_SCALAR;
        throw new ValueException("cannot convert a Java " + v.getClass().getName()
                + " to a Lua value (register a UserdataType for it)", path.text());
    }

    private static String text(String s, ValuePath path) {
        try {
            return Utf8Text.luaString(s);
        } catch (IllegalArgumentException e) {
            throw new ValueException(e.getMessage(), path.text());
        }
    }

    /** A map key: a scalar (null and NaN keys are left out, as Lua cannot store them). */
    private Object key(Object k, ValuePath path) {
        k = unwrap.apply(k);
        Object s = scalar(k, path);
        if (s == NOT_SCALAR || s instanceof LuaTable) {
            throw new ValueException("cannot convert a map key of type " + k.getClass().getName() + " (keys must be text, numbers or booleans)", path.text());
        }
        if (s instanceof Double d && d.isNaN()) return null;
        return s;
    }

    private static Object component(Object record, RecordComponent c, ValuePath path) {
        try {
            java.lang.reflect.Method m = c.getAccessor();
            if (!m.canAccess(record)) m.trySetAccessible();   // a record that is not public: its accessor is still its data
            return m.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ValueException("cannot read component '" + c.getName() + "' of record "
                    + record.getClass().getName() + " (" + e + ")", path.text());
        }
    }
}
