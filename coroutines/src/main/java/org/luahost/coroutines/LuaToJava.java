package org.luahost.coroutines;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;

/**
 * The typed side of {@link Values#toJava(Object, Class)}: a Lua value as a
 * value of a given Java class, for the arguments of interface methods and
 * property setters exposed with {@link UserdataType}, and for embedders.
 *
 * <ul>
 * <li>{@code Object}: as {@link Values#toJava(Object)};</li>
 * <li>nil: {@code null} for a reference type; an error for a primitive;</li>
 * <li>{@code boolean}/{@code Boolean}: a Lua boolean only;</li>
 * <li>{@code long}, {@code int}, {@code short}, {@code byte} and their boxes: an
 *     integer that fits, or a float with an exact integer value that fits;
 *     {@code double}, {@code float}: any number;</li>
 * <li>{@code String}, {@code CharSequence}: a Lua string as Java text
 *     (UTF-8); {@code byte[]}: its bytes; an enum: the constant of that name;</li>
 * <li>{@code List}, {@code Collection}, {@code Iterable}: a copy of the
 *     sequence ({@link Values#toList}); {@code Set}: of its values;
 *     {@code Map}: a copy of the table ({@link Values#toMap});</li>
 * <li>an array type: the sequence {@code t[1..#t]}, each element converted to
 *     the component type (nil elements are null, or an error for primitives);</li>
 * <li>a record: built with its canonical constructor from the table's fields
 *     named as its components, each converted to the component's type (an
 *     absent field is nil);</li>
 * <li>a Lua value type ({@link LuaTable}, {@link LuaFunction},
 *     {@link LuaUserdata}, {@link LuaThreadHandle}): the value itself; a
 *     userdata whose Java object is of the class: that object.</li>
 * </ul>
 * Anything else is a {@link ValueException} naming what was expected and what
 * was given, and where. Nested conversions (arrays, records) recurse along
 * the Java type, so their depth is that of the type, not of the data.
 */
final class LuaToJava {
    private LuaToJava() {}

    static Object convert(Object v, Class<?> type, ValuePath path) {
        if (type == Object.class) return Values.toJava(v);
        if (v == null) {
            if (type.isPrimitive()) throw mismatch(type, v, path);
            return null;
        }
        if (v instanceof LuaUserdata u && type.isInstance(u.payload())) return u.payload();
        if (type.isInstance(v) && !(v instanceof String)) return v;   // Lua values, Long, Double, Boolean as they are
        if (type == boolean.class || type == Boolean.class) {
            if (v instanceof Boolean) return v;
            throw mismatch(type, v, path);
        }
        if (v instanceof Long || v instanceof Double) {
            Object n = number(type, (Number) v, path);
            if (n != null) return n;
        }
        if (v instanceof String s) {
            if (type == String.class || type == CharSequence.class) return Values.toJava(s);
            if (type == byte[].class) return LuaString.toBytes(s);
            if (type.isEnum()) return constant(type, (String) Values.toJava(s), path);
        }
        if (v instanceof LuaTable t) {
            if (type == List.class || type == Collection.class || type == Iterable.class) return Values.toList(t);
            if (type == Set.class) return Set.copyOf(Values.toMap(t).values());
            if (type == Map.class) return Values.toMap(t);
            if (type.isArray()) return array(t, type.getComponentType(), path);
            if (type.isRecord()) return record(t, type, path);
        }
        throw mismatch(type, v, path);
    }

    private static Object number(Class<?> type, Number n, ValuePath path) {
        if (type == double.class || type == Double.class) return n.doubleValue();
        if (type == float.class || type == Float.class) return n.floatValue();
        if (type == long.class || type == Long.class) return integral(n, Long.MIN_VALUE, Long.MAX_VALUE, type, path);
        if (type == int.class || type == Integer.class) return (int) integral(n, Integer.MIN_VALUE, Integer.MAX_VALUE, type, path);
        if (type == short.class || type == Short.class) return (short) integral(n, Short.MIN_VALUE, Short.MAX_VALUE, type, path);
        if (type == byte.class || type == Byte.class) return (byte) integral(n, Byte.MIN_VALUE, Byte.MAX_VALUE, type, path);
        if (type == Number.class) return n;
        return null;
    }

    private static long integral(Number n, long min, long max, Class<?> type, ValuePath path) {
        long v;
        if (n instanceof Long l) {
            v = l;
        } else {
            double d = n.doubleValue();
            if (d != Math.floor(d) || d < -0x1p63 || d >= 0x1p63) throw new ValueException("number has no integer representation for " + type.getSimpleName(), path.text());
            v = (long) d;
        }
        if (v < min || v > max) throw new ValueException("integer " + v + " out of range for " + type.getSimpleName(), path.text());
        return v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(Class<?> type, String name, ValuePath path) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new ValueException("no " + type.getSimpleName() + " constant '" + name + "'", path.text());
        }
    }

    private static Object array(LuaTable t, Class<?> component, ValuePath path) {
        long n = t.length();
        if (n > Integer.MAX_VALUE - 8) throw new ValueException(ValueException.Kind.SIZE, "sequence too long for an array", path.text());
        Object a = Array.newInstance(component, (int) n);
        for (int i = 0; i < n; i++) Array.set(a, i, convert(t.rawget(i + 1L), component, path.child(i + 1L)));
        return a;
    }

    private static Object record(LuaTable t, Class<?> type, ValuePath path) {
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = convert(t.rawget(LuaString.fromJava(cs[i].getName())), types[i], path.child(cs[i].getName()));
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new ValueException("the " + type.getSimpleName() + " constructor refused the table: " + e.getCause().getMessage(), path.text());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ValueException("cannot build a " + type.getName() + " (" + e.getMessage() + ")", path.text());
        }
    }

    private static ValueException mismatch(Class<?> type, Object v, ValuePath path) {
        return new ValueException("cannot convert a Lua " + luaType(v) + " to a Java " + type.getTypeName(), path.text());
    }

    private static String luaType(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Long || v instanceof Double) return "number";
        if (v instanceof String) return "string";
        if (v instanceof LuaTable) return "table";
        if (v instanceof LuaFunction) return "function";
        if (v instanceof LuaThreadHandle) return "thread";
        return "userdata";
    }
}
