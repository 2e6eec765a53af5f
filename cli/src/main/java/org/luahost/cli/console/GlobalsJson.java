package org.luahost.cli.console;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.Profile;
import org.luahost.vm.LuaString;

/**
 * A Lua state's globals as a JSON tree, read with raw operations only (no
 * metamethod and no Lua code runs): the console's globals view
 * ({@code GET /console/api/sessions/ID/globals}) and
 * {@code luahost sessions show --json}. The libraries a fresh state has
 * (a global of the same name and kind: a library table or a built-in
 * function) are left out, so what shows is what the script made.
 *
 * <p>A node is {@code {"type": T, ...}}: {@code "value"} for a nil-free
 * scalar (string, number, boolean); {@code "id"}, {@code "entries"} (a list of
 * {@code {"key": node, "value": node}}, keys sorted), {@code "more"} (entries
 * left out over the entry limit), {@code "truncated"} (deeper than the depth
 * limit) and {@code "metatable"} for a table; a table met a second time is
 * {@code {"type": "ref", "ref": id, "path": where it was first shown}}, so
 * cycles show as references; functions, userdata and threads are
 * {@code {"type": ..., "builtin": bool}} / {@code {"type": ...}}.
 *
 * <p>The tree is bounded whatever the state holds (a hostile session may
 * hold one 4 MB string under a million keys: shown in full, that would be
 * terabytes of JSON): a string shows its first {@link #MAX_STRING} bytes
 * ({@code "truncated": true} and {@code "length"}, its length in bytes, when
 * it is longer), and fewer once the tree holds {@link #MAX_TEXT} characters of
 * string text; a path shows {@link #MAX_KEY} bytes of each key; the tree has
 * at most {@link #MAX_NODES} nodes (the entries left out count in
 * {@code "more"}). So the answer stays within a few megabytes.
 *
 * <p>Threads: use it on the thread that holds the state (a live session's
 * state through {@code LuaHost.inspect}).
 */
public final class GlobalsJson {
    private GlobalsJson() {}

    /** Bytes of a string shown at most. */
    static final int MAX_STRING = 1024;
    /** Bytes of a string shown at most once the tree holds {@link #MAX_TEXT} characters of strings. */
    static final int MIN_STRING = 32;
    /** Characters of string text in a tree before strings are cut to {@link #MIN_STRING}. */
    static final int MAX_TEXT = 2 << 20;
    /** Bytes of a key shown in a path. */
    static final int MAX_KEY = 64;
    /** Nodes (keys and values) in a tree at most. */
    static final int MAX_NODES = 20_000;

    /**
     * The globals of a fresh trusted state, each as its {@link Kind} or, for
     * a scalar ({@code _VERSION}), its value: the libraries.
     */
    private static final Map<String, Object> LIBRARIES = libraries();

    private static Map<String, Object> libraries() {
        LuaState fresh = LuaState.create(Profile.TRUSTED);
        Map<String, Object> m = new java.util.HashMap<>();
        Object[] kv = new Object[2];
        Object k = null;
        while (fresh.globals.next(k, kv)) {
            k = kv[0];
            if (k instanceof String s) m.put(s, kind(kv[1]));
        }
        m.put("host", Kind.TABLE);
        return Map.copyOf(m);
    }

    private enum Kind { TABLE, BUILTIN, OTHER }

    /** TABLE, BUILTIN, the value itself for a string, number or boolean, else OTHER. */
    private static Object kind(Object v) {
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
        return v instanceof LuaTable ? Kind.TABLE : v instanceof JavaFunction ? Kind.BUILTIN : Kind.OTHER;
    }

    /** Whether global name = v is what a fresh state has there (a library, or a library's kind of value). */
    private static boolean library(String name, Object v) {
        Object k = kind(v);
        return k != Kind.OTHER && k.equals(LIBRARIES.get(name));
    }

    /** The globals of L that are not libraries, tables to depth levels, at most entries each. */
    public static JsonObject tree(LuaState L, int depth, int entries) {
        return new Walker(depth, entries).globals(L.globals);
    }

    private static final class Walker {
        private final int maxDepth, maxEntries;
        private final Map<LuaTable, Integer> ids = new IdentityHashMap<>();
        private final Map<LuaTable, String> paths = new IdentityHashMap<>();
        /** Nodes and string characters put in the tree so far. */
        private int nodes, text;

        Walker(int maxDepth, int maxEntries) {
            this.maxDepth = maxDepth;
            this.maxEntries = maxEntries;
        }

        JsonObject globals(LuaTable g) {
            ids.put(g, 0);
            paths.put(g, "_G");
            // as for any table, the first entries of next's order only (the libraries left out), the
            // rest counted: sorting all of a _G of two million globals took 15 s of a core per request
            List<Object[]> kept = new ArrayList<>();
            int more = 0;
            Object[] kv = new Object[2];
            Object k = null;
            while (g.next(k, kv)) {
                k = kv[0];
                if (k instanceof String s && (s.equals("_G") || library(s, kv[1]))) continue;
                if (kept.size() < maxEntries) kept.add(new Object[] {kv[0], kv[1]});
                else more++;
            }
            kept.sort((a, b) -> compare(a[0], b[0]));
            return table(0, kept, more, "", 1);
        }

        private JsonObject table(int id, List<Object[]> es, int more, String path, int depth) {
            JsonArray out = new JsonArray();
            int n = 0;
            for (Object[] e : es) {
                if (n == maxEntries || nodes >= MAX_NODES) break;
                n++;
                String sub = path.isEmpty() && e[0] instanceof String s && s.length() <= MAX_KEY ? s : path + keyText(e[0]);
                out.add(new JsonObject().put("key", value(e[0], sub, depth)).put("value", value(e[1], sub, depth)));
            }
            return new JsonObject().put("type", "table").put("id", id).put("entries", out)
                    .put("more", more + es.size() - n);
        }

        JsonObject value(Object v, String path, int depth) {
            nodes++;
            if (v instanceof String s) return string(s);
            if (v instanceof Long || v instanceof Double) {
                JsonObject o = new JsonObject().put("type", "number");
                return v instanceof Double d && (d.isNaN() || d.isInfinite()) ? o.put("value", d.toString()) : o.put("value", v);
            }
            if (v instanceof Boolean b) return new JsonObject().put("type", "boolean").put("value", b);
            if (v instanceof LuaFunction f) return new JsonObject().put("type", "function").put("builtin", f instanceof JavaFunction);
            if (v instanceof LuaUserdata) return new JsonObject().put("type", "userdata");
            if (v instanceof LuaThread) return new JsonObject().put("type", "thread");
            if (!(v instanceof LuaTable t)) return new JsonObject().put("type", v == null ? "nil" : "other");
            Integer seen = ids.get(t);
            if (seen != null) return new JsonObject().put("type", "ref").put("ref", seen).put("path", paths.get(t));
            int id = ids.size();
            ids.put(t, id);
            paths.put(t, path);
            if (depth >= maxDepth || nodes >= MAX_NODES) return new JsonObject().put("type", "table").put("id", id).put("truncated", true);
            Sorted s = sorted(t, maxEntries);
            JsonObject o = table(id, s.entries, s.more, path, depth + 1);
            if (t.getMetatable() != null) o.put("metatable", value(t.getMetatable(), path + "<metatable>", depth + 1));
            return o;
        }

        /** A string node: its first bytes (all of them if it is short and the text budget allows). */
        private JsonObject string(String s) {
            int max = text >= MAX_TEXT ? MIN_STRING : MAX_STRING;
            JsonObject o = new JsonObject().put("type", "string");
            if (s.length() <= max) {
                text += s.length();
                return o.put("value", LuaString.toJava(s));
            }
            text += max;
            return o.put("value", LuaString.toJava(s.substring(0, max))).put("truncated", true).put("length", s.length());
        }
    }

    private record Sorted(List<Object[]> entries, int more) {}

    /** At most limit entries of t (the first ones of next's order), sorted by key: booleans, numbers, strings, others. */
    private static Sorted sorted(LuaTable t, int limit) {
        List<Object[]> es = new ArrayList<>();
        int more = 0;
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            if (es.size() < limit) es.add(new Object[] {kv[0], kv[1]});
            else more++;
        }
        es.sort((a, b) -> compare(a[0], b[0]));
        return new Sorted(es, more);
    }

    private static int rank(Object k) {
        return k instanceof Boolean ? 0 : k instanceof Long || k instanceof Double ? 1 : k instanceof String ? 2 : 3;
    }

    private static int compare(Object a, Object b) {
        int ra = rank(a), rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        return switch (ra) {
            case 0 -> Boolean.compare((Boolean) a, (Boolean) b);
            case 1 -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case 2 -> ((String) a).compareTo((String) b);
            default -> 0;
        };
    }

    /** How a key extends a path: {@code .name} or {@code [literal]}. */
    static String keyText(Object k) {
        if (k instanceof String s) {
            String j = s.length() > MAX_KEY ? LuaString.toJava(s.substring(0, MAX_KEY)) + "..." : LuaString.toJava(s);
            return j.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + j : "[" + new JsonArray().add(j).encode().replaceAll("^\\[|]$", "") + "]";
        }
        if (k instanceof Long || k instanceof Double || k instanceof Boolean) return "[" + k + "]";
        return "[" + (k instanceof LuaTable ? "table" : k instanceof LuaFunction ? "function" : "?") + "]";
    }
}
