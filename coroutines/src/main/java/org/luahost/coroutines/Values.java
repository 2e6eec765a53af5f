package org.luahost.coroutines;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;

/**
 * The documented conversions between Java values and Lua values (the README's
 * "Java values in Lua" table): the one path used by the Java API, the event
 * bus and the gateway. No reflection on objects: a Java object that is not
 * one of the types below reaches Lua only as a userdata of a type the host
 * registered with {@link UserdataType} (records are data: their components
 * are read through their accessors).
 *
 * <h2>Java to Lua ({@link #toLua})</h2>
 * <ul>
 * <li>{@code null} → nil; {@code Boolean} → boolean;</li>
 * <li>{@code Long}, {@code Integer}, {@code Short}, {@code Byte} → integer;
 *     {@code Double}, {@code Float} → float; a {@code BigInteger} that fits
 *     64 bits → integer, other {@code BigInteger}s and {@code BigDecimal}s
 *     → float;</li>
 * <li>{@code String}, {@code Character}, any {@code CharSequence} (Java text)
 *     → a Lua string of its UTF-8 bytes ({@link Utf8Text}: a surrogate
 *     escape U+DC80..U+DCFF becomes its byte; another unpaired surrogate is
 *     an error); {@code byte[]} → a Lua string of those bytes;</li>
 * <li>{@code Map} → a new table with the converted keys and values (keys
 *     must be text, numbers or booleans; null keys, NaN keys and null values
 *     are left out); {@code List}, other {@code Collection}s and arrays other
 *     than {@code byte[]} → a new sequence {@code {[1]=..., }} (a null element
 *     leaves a hole); a record → a table of its components by name;
 *     conversion is deep, and a container reached twice becomes one table
 *     (cycles too);</li>
 * <li>Lua values ({@link LuaTable}, {@link LuaFunction}, {@link LuaUserdata},
 *     threads) pass as they are;</li>
 * <li>an object whose class (or a superclass or interface) was registered on
 *     the state with {@link UserdataType#register} → a userdata of that type
 *     (before the rules for maps, collections, records and arrays: a record
 *     registered with {@link UserdataType#ofRecord} stays one object);</li>
 * <li>anything else → {@link ValueException} (an {@link IllegalArgumentException})
 *     naming where the value was.</li>
 * </ul>
 *
 * <h2>Lua to Java ({@link #toJava}, {@link #toJavaDeep})</h2>
 * nil → {@code null}; booleans, integers ({@code Long}) and floats
 * ({@code Double}) as they are; strings → Java text (the bytes read as UTF-8,
 * invalid bytes as surrogate escapes, see {@link Utf8Text}; {@link #toBytes}
 * gives the raw bytes); a userdata → its payload; tables, functions and
 * threads as they are unless asked: {@link #toJavaDeep} makes lists of
 * sequences and maps of other tables, {@link #toMap} and {@link #toList}
 * copy a table as maps or lists (deeply, converting what they copy).
 * {@link #toJava(Object, Class, String)} converts to a given class: records
 * from tables by component name, arrays from sequences, enums from names,
 * numbers to the narrower types when they fit ({@link LuaToJava}).
 *
 * <p>Every deep conversion walks with an explicit stack ({@link JavaToLua},
 * {@link LuaWalker}), bounded by {@link ValueLimits}; a value beyond them is a
 * {@link ValueException} naming the path in a short form.
 */
public final class Values {
    private Values() {}

    /** A Java value as a Lua value of state L (see the class comment), within {@link ValueLimits#DEFAULT}. */
    public static Object toLua(LuaState L, Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) return v;
        if (isLuaValue(v)) return v;
        return toLua(L, v, ValueLimits.DEFAULT, null, "value");
    }

    /**
     * A Java value as a Lua value, within limits; unwrap (may be null) maps
     * each Java value before it is converted (the scheduler turns Vert.x
     * {@code JsonObject}/{@code JsonArray} into their map and list there);
     * where names the value in errors ("argument 1"). L may be null (then
     * no registered userdata types). Throws {@link ValueException}.
     */
    public static Object toLua(LuaState L, Object v, ValueLimits limits, UnaryOperator<Object> unwrap, String where) {
        return new JavaToLua(L, limits, unwrap).convert(v, ValuePath.root(where));
    }

    private static boolean isLuaValue(Object v) {
        return v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata || v instanceof LuaThreadHandle;
    }

    /** A Lua value as a Java value (see the class comment); tables, functions and threads stay as they are. */
    public static Object toJava(Object v) {
        if (v instanceof String s) return Utf8Text.javaText(s);
        if (v instanceof LuaUserdata u) return u.payload();
        return v;
    }

    /**
     * A Lua value as Java values all the way down: a table whose keys are
     * exactly 1..n (an empty table too) becomes a {@code List}, any other
     * table a {@code Map} (keys converted like values), everything else as
     * {@link #toJava}; shared tables and cycles stay shared. Throws
     * {@link ValueException} beyond limits.
     */
    public static Object toJavaDeep(Object v, ValueLimits limits, String where) {
        JavaSink sink = new JavaSink();
        new LuaWalker(limits, LuaWalker.Shape.AUTO).walk(v, ValuePath.root(where), sink);
        return sink.result();
    }

    /**
     * A Lua value as a value of the Java class type (a record, an array, a
     * list, a map, an enum, a number type...), as {@link LuaToJava} documents;
     * where names the value in errors. Throws {@link ValueException}.
     */
    @SuppressWarnings("unchecked")
    public static <T> T toJava(Object v, Class<T> type, String where) {
        Object r = LuaToJava.convert(v, type, ValuePath.root(where));
        return type.isPrimitive() ? (T) r : type.cast(r);
    }

    /** A Lua string's raw bytes. */
    public static byte[] toBytes(String luaString) { return LuaString.toBytes(luaString); }

    /**
     * A copy of a table as a map in traversal order, keys and values
     * converted with {@link #toJava}; nested tables become maps too (a table
     * reached twice becomes one map).
     */
    @SuppressWarnings("unchecked")
    public static Map<Object, Object> toMap(LuaTable t) {
        JavaSink sink = new JavaSink();
        new LuaWalker(ValueLimits.DEFAULT, LuaWalker.Shape.MAPS).walk(t, ValuePath.root("table"), sink);
        return (Map<Object, Object>) sink.result();
    }

    /**
     * A copy of a table's sequence {@code t[1..#t]} (raw length) as a list,
     * elements converted with {@link #toJava}; nested tables become lists too.
     */
    @SuppressWarnings("unchecked")
    public static List<Object> toList(LuaTable t) {
        JavaSink sink = new JavaSink();
        new LuaWalker(ValueLimits.DEFAULT, LuaWalker.Shape.LISTS).walk(t, ValuePath.root("table"), sink);
        return (List<Object>) sink.result();
    }
}
