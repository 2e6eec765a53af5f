package org.luahost.script;

import java.util.List;
import java.util.Map;

import org.luahost.coroutines.Values;
import org.luahost.vm.LuaTable;

/**
 * A Lua result (already converted by {@link Values#toJava}) as the return type
 * of an interface method implemented in Lua ({@code getInterface}):
 * {@code void} drops it; numeric types take Lua numbers (an integer that
 * does not fit, or a float with a fraction for an integral type, is an
 * error); {@code boolean} takes Lua truth (nil and false are false);
 * {@code String} takes strings and numbers; {@code Map} and {@code List} take
 * tables (copied by {@link Values#toMap}/{@link Values#toList}); any other type
 * takes a value of that type. Anything else, and nil for a primitive other
 * than boolean, is a {@link ClassCastException} naming the method.
 */
final class Coerce {
    private Coerce() {}

    static Object to(Class<?> type, Object v, String method) {
        if (type == void.class || type == Void.class) return null;
        if (type == boolean.class || type == Boolean.class) return v != null && !Boolean.FALSE.equals(v);
        if (v == null) {
            if (type.isPrimitive()) throw fail(method, type, "nil");
            return null;
        }
        if (type.isInstance(v)) return v;
        if (v instanceof Number n) {
            Object x = number(type, n);
            if (x != null) return x;
        }
        if ((type == String.class || type == CharSequence.class) && v instanceof Number) return String.valueOf(v);
        if (v instanceof LuaTable t) {
            if (type == Map.class) return Values.toMap(t);
            if (type == List.class) return Values.toList(t);
        }
        throw fail(method, type, v.getClass().getSimpleName());
    }

    private static Object number(Class<?> type, Number n) {
        if (type == double.class || type == Double.class) return n.doubleValue();
        if (type == float.class || type == Float.class) return n.floatValue();
        if (type == long.class || type == Long.class) return integral(n);
        if (type == int.class || type == Integer.class) return Math.toIntExact(integral(n));
        if (type == short.class || type == Short.class) return (short) Math.toIntExact(checked(integral(n), Short.MIN_VALUE, Short.MAX_VALUE));
        if (type == byte.class || type == Byte.class) return (byte) Math.toIntExact(checked(integral(n), Byte.MIN_VALUE, Byte.MAX_VALUE));
        return null;
    }

    private static long integral(Number n) {
        if (n instanceof Long l) return l;
        double d = n.doubleValue();
        if (d != Math.floor(d) || d < -0x1p63 || d >= 0x1p63) throw new ArithmeticException("number has no integer representation: " + d);
        return (long) d;
    }

    private static long checked(long v, long min, long max) {
        if (v < min || v > max) throw new ArithmeticException("integer overflow: " + v);
        return v;
    }

    private static ClassCastException fail(String method, Class<?> type, String what) {
        return new ClassCastException(method + ": the Lua function returned " + what + ", not a " + type.getSimpleName());
    }
}
