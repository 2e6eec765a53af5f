package org.luahost.scheduler;

import java.util.function.UnaryOperator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.coroutines.LuaWalker;
import org.luahost.coroutines.Utf8Text;
import org.luahost.coroutines.ValueException;
import org.luahost.coroutines.ValueLimits;
import org.luahost.coroutines.ValuePath;
import org.luahost.coroutines.Values;
import org.luahost.scheduler.SessionException.Kind;

/**
 * The JSON mapping of the gateway and the event bus (Vert.x
 * {@link JsonObject}/{@link JsonArray} values on the JSON side), built on
 * the one conversion path of {@link Values} (so the same rules and limits
 * hold for the Java API, the event bus and the gateway).
 *
 * <p>JSON to Lua: an object becomes a table with string keys; an array a
 * sequence {@code t[1..n]} (a {@code null} element leaves a hole, a
 * {@code null} member is absent); {@code null} is nil; a number written
 * without fraction or exponent that fits 64 bits is an integer, any other
 * number a float; strings become Lua strings of their UTF-8 bytes (the
 * escape {@code \\udc80}..{@code \\udcff} stands for the single byte
 * 0x80..0xff, see {@link Utf8Text}).
 *
 * <p>Lua to JSON: nil is {@code null}; integers and floats stay what they
 * are ({@code 1} and {@code 1.0}); NaN and infinities are an error; strings
 * are read as UTF-8, and a byte that is not part of valid UTF-8 is written
 * as the escape {@code \\udcXX} (XX its value), so no byte is lost; a table
 * whose keys are exactly 1..n is an array (an empty table is {@code []});
 * any other table is an object whose keys are its string keys, numbers
 * written as Lua's {@code tostring} writes them; other keys, functions,
 * coroutines, userdata and cyclic tables are an error ({@link SessionException}
 * of kind {@code BAD_VALUE}, naming the path: {@code result[1].items[2]}).
 * A table shared by two places is written twice.
 *
 * <p>Limits ({@link ValueLimits}): nesting depth and entries both ways; the
 * text encoder also stops at a number of bytes. Every walk is iterative.
 */
public final class LuaJson {
    private LuaJson() {}

    private static final UnaryOperator<Object> UNWRAP = v -> v instanceof JsonObject o ? o.getMap()
            : v instanceof JsonArray a ? a.getList() : v;

    /** Vert.x's JSON containers as the map and list they wrap (the unwrap step of {@link Values#toLua}). */
    public static UnaryOperator<Object> unwrap() { return UNWRAP; }

    /** A Java string as a Lua string (its UTF-8 bytes). */
    public static String luaString(String javaText) { return Utf8Text.luaString(javaText); }

    /** The elements of a JSON array as Lua values (for call arguments), within the default limits. */
    public static Object[] fromJsonArray(JsonArray a) { return fromJsonArray(a, ValueLimits.DEFAULT); }

    /** The elements of a JSON array as Lua values; a value beyond limits is a {@code BAD_VALUE} error naming it. */
    public static Object[] fromJsonArray(JsonArray a, ValueLimits limits) {
        Object[] out = new Object[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = fromJson(a.getList().get(i), limits, "argument " + (i + 1));
        return out;
    }

    /** One JSON value (as Vert.x represents it) as a Lua value. */
    public static Object fromJson(Object v) { return fromJson(v, ValueLimits.DEFAULT, "value"); }

    static Object fromJson(Object v, ValueLimits limits, String where) {
        try {
            return Values.toLua(null, v, limits, UNWRAP, where);
        } catch (ValueException e) {
            throw new SessionException(Kind.BAD_VALUE, e.getMessage());
        }
    }

    /**
     * Parses JSON text after checking that it nests at most maxDepth arrays
     * and objects (a linear scan before the parser sees it); throws
     * {@link ValueException} of kind DEPTH beyond it, {@link DecodeException}
     * for text that is not JSON.
     */
    public static Object parse(Buffer text, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            byte c = text.getByte(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > maxDepth) {
                    throw new ValueException(ValueException.Kind.DEPTH,
                            "JSON nested deeper than " + maxDepth + " levels (the gateway's depth limit)", "byte " + i);
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return Json.decodeValue(text);
    }

    /**
     * Checks that every number in json (a parsed value: maps, lists and
     * scalars) is finite: a JSON number too large for a double
     * ({@code 1e999999}) parses as an infinity, which no JSON text can
     * give back. Throws {@link ValueException} of kind TYPE naming the
     * path under where ({@code argument 1.x[2]}). Iterative; numbers that
     * underflow ({@code 1e-999999}) are 0.0, as the nearest double.
     */
    public static void checkFinite(Object json, String where) {
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {UNWRAP.apply(json), where});
        while (!todo.isEmpty()) {
            Object[] e = todo.pop();
            Object v = e[0];
            String path = (String) e[1];
            if (v instanceof java.util.Map<?, ?> m) {
                for (var kv : m.entrySet()) child(todo, UNWRAP.apply(kv.getValue()), path, "." + kv.getKey());
            } else if (v instanceof java.util.List<?> l) {
                int i = 1;
                for (Object x : l) child(todo, UNWRAP.apply(x), path, "[" + i++ + "]");
            } else {
                child(todo, v, path, "");
            }
        }
    }

    private static void child(java.util.ArrayDeque<Object[]> todo, Object v, String path, String step) {
        if (v instanceof java.util.Map || v instanceof java.util.List) {
            todo.push(new Object[] {v, path + step});
        } else if (v instanceof Number n && !(v instanceof Long || v instanceof Integer) && !Double.isFinite(n.doubleValue())) {
            throw new ValueException(ValueException.Kind.TYPE, "a JSON number out of range (beyond "
                    + "1.7976931348623157e308, the largest double; it would be " + (n.doubleValue() > 0 ? "" : "-") + "inf)",
                    path + step);
        }
    }

    /** Lua values as a JSON array (for results and pushed values). */
    public static JsonArray toJsonArray(Object[] values) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < values.length; i++) a.add(toJson(values[i], "result[" + (i + 1) + "]"));
        return a;
    }

    /** One Lua value as a JSON value (JsonObject, JsonArray, String, Long, Double, Boolean or null). */
    public static Object toJson(Object v) { return toJson(v, "value"); }

    private static Object toJson(Object v, String where) {
        try {
            return Json.decodeValue(encode(v, where, ValueLimits.DEFAULT, Long.MAX_VALUE));
        } catch (ValueException e) {
            throw new SessionException(Kind.BAD_VALUE, e.getMessage());
        }
    }

    /**
     * Lua values as the text of a JSON array, within limits and at most
     * maxBytes bytes of UTF-8; throws {@link ValueException} (kind DEPTH,
     * SIZE or TYPE) naming the path ({@code result[2].items[1]}).
     */
    public static String encodeArray(Object[] values, ValueLimits limits, long maxBytes) {
        JsonText out = new JsonText(maxBytes);
        out.beginArray(null, values.length, null);
        LuaWalker w = new LuaWalker(limits, LuaWalker.Shape.AUTO).expandShared();
        for (int i = 0; i < values.length; i++) w.walk(values[i], ValuePath.root("result[" + (i + 1) + "]"), out);
        out.end();
        return out.text();
    }

    /** One Lua value as JSON text, as {@link #encodeArray}. */
    public static String encode(Object v, String where, ValueLimits limits, long maxBytes) {
        JsonText out = new JsonText(maxBytes);
        new LuaWalker(limits, LuaWalker.Shape.AUTO).expandShared().walk(v, ValuePath.root(where), out);
        return out.text();
    }

    /** Characters of an error message or traceback kept in answers, logs and recent errors ({@link #brief}). */
    public static final int MAX_ERROR_TEXT = 16_384;

    /**
     * text, or its first {@link #MAX_ERROR_TEXT} characters and how many were
     * left out: what answers, logs and the recent errors keep of an error
     * message or traceback (a script can raise a 50 MB string, again and
     * again; the caller in Lua still gets all of it).
     */
    public static String brief(String text) {
        if (text == null || text.length() <= MAX_ERROR_TEXT) return text;
        return text.substring(0, MAX_ERROR_TEXT) + "... (" + (text.length() - MAX_ERROR_TEXT) + " more characters)";
    }

    /** A JSON object with the member error (and traceback when not null), each {@link #brief}. */
    static String errorBody(String message, String traceback) {
        JsonObject o = new JsonObject().put("error", brief(message));
        if (traceback != null) o.put("traceback", brief(traceback));
        return o.encode();
    }

}
