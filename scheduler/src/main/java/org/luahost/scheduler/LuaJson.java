package org.luahost.scheduler;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.scheduler.SessionException.Kind;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;

/**
 * The JSON mapping of the gateway and the event bus (Vert.x
 * {@link JsonObject}/{@link JsonArray} values on the JSON side).
 *
 * <p>JSON to Lua: an object becomes a table with string keys; an array a
 * sequence {@code t[1..n]} (a {@code null} element leaves a hole); {@code null}
 * is nil; a number written without fraction or exponent that fits 64 bits is
 * an integer, any other number a float; strings become Lua strings of their
 * UTF-8 bytes.
 *
 * <p>Lua to JSON: nil is {@code null}; integers and floats stay what they
 * are ({@code 1} and {@code 1.0}); NaN and infinities are an error; strings
 * are read as UTF-8 (invalid bytes become U+FFFD); a table whose keys are
 * exactly 1..n is an array (an empty table is {@code []}); any other table is
 * an object whose keys are its string keys, numbers written as Lua's
 * {@code tostring} writes them; other keys, functions, coroutines, userdata
 * and cyclic tables are an error ({@link SessionException} of kind
 * {@code BAD_VALUE}).
 */
public final class LuaJson {
    private LuaJson() {}

    /** A Java string as a Lua string (its UTF-8 bytes). */
    public static String luaString(String javaText) { return LuaString.fromJava(javaText); }

    /** The elements of a JSON array as Lua values (for call arguments). */
    public static Object[] fromJsonArray(JsonArray a) {
        Object[] out = new Object[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = fromJson(a.getValue(i));
        return out;
    }

    /** One JSON value (as Vert.x represents it) as a Lua value. */
    public static Object fromJson(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> LuaString.fromJava(s);
            case Boolean b -> b;
            case Integer i -> (long) i;
            case Long l -> l;
            case Short s -> (long) s;
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case Number n -> n.doubleValue();
            case JsonObject o -> object(o.getMap());
            case JsonArray a -> array(a.getList());
            case Map<?, ?> m -> object(m);
            case List<?> l -> array(l);
            default -> throw new SessionException(Kind.BAD_VALUE, "cannot convert " + v.getClass().getName() + " from JSON");
        };
    }

    private static LuaTable object(Map<?, ?> m) {
        LuaTable t = new LuaTable(0, m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = fromJson(e.getValue());
            if (v != null) t.rawset(LuaString.fromJava(String.valueOf(e.getKey())), v);
        }
        return t;
    }

    private static LuaTable array(List<?> l) {
        LuaTable t = new LuaTable(l.size(), 0);
        for (int i = 0; i < l.size(); i++) {
            Object v = fromJson(l.get(i));
            if (v != null) t.rawset(i + 1L, v);
        }
        return t;
    }

    /** Lua values as a JSON array (for results and pushed values). */
    public static JsonArray toJsonArray(Object[] values) {
        JsonArray a = new JsonArray();
        for (Object v : values) a.add(toJson(v));
        return a;
    }

    /** One Lua value as a JSON value (JsonObject, JsonArray, String, Long, Double, Boolean or null). */
    public static Object toJson(Object v) {
        return new Encoder().encode(v);
    }

    private static final class Encoder {
        private final IdentityHashMap<LuaTable, Boolean> open = new IdentityHashMap<>();

        Object encode(Object v) {
            return switch (v) {
                case null -> null;
                case Boolean b -> b;
                case Long l -> l;
                case Double d -> {
                    if (d.isNaN() || d.isInfinite()) {
                        throw new SessionException(Kind.BAD_VALUE, "cannot encode " + LuaString.toJava(Lua.numberToString(d)) + " as JSON");
                    }
                    yield d;
                }
                case String s -> LuaString.toJava(s);
                case LuaTable t -> table(t);
                default -> throw new SessionException(Kind.BAD_VALUE, "cannot encode a " + Lua.typeName(v) + " value as JSON");
            };
        }

        private Object table(LuaTable t) {
            if (open.put(t, Boolean.TRUE) != null) {
                throw new SessionException(Kind.BAD_VALUE, "cannot encode a table with a cycle as JSON");
            }
            try {
                long n = 0;
                boolean sequence = true;
                Object[] kv = new Object[2];
                Object key = null;
                while (t.next(key, kv)) {
                    key = kv[0];
                    n++;
                    if (!(key instanceof Long)) sequence = false;
                }
                if (sequence) {
                    for (long i = 1; i <= n; i++) {
                        if (t.rawget(i) == null) { sequence = false; break; }
                    }
                }
                if (sequence) {
                    JsonArray a = new JsonArray();
                    for (long i = 1; i <= n; i++) a.add(encode(t.rawget(i)));
                    return a;
                }
                JsonObject o = new JsonObject();
                key = null;
                while (t.next(key, kv)) {
                    key = kv[0];
                    String name = switch (key) {
                        case String s -> LuaString.toJava(s);
                        case Long l -> Long.toString(l);
                        case Double d -> LuaString.toJava(Lua.numberToString(d));
                        default -> throw new SessionException(Kind.BAD_VALUE,
                                "cannot encode a table with a " + Lua.typeName(key) + " key as JSON");
                    };
                    o.put(name, encode(kv[1]));
                }
                return o;
            } finally {
                open.remove(t);
            }
        }
    }
}
