package org.luahost.scheduler.impl;

import java.util.IdentityHashMap;

import org.luahost.scheduler.SessionException;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;

/**
 * Deep copies of Lua values crossing between sessions (or between a
 * session and Java), so that sessions share nothing. Strings, numbers and
 * booleans are immutable and pass as they are; tables are copied with their
 * cycles and shared references preserved (one copy per original table);
 * metatables are not copied. Functions, coroutines and userdata (Java
 * objects) cannot cross: they fail with a {@link SessionException} of kind
 * {@code BAD_VALUE} naming where the value was.
 *
 * <p>Runs on the sending side, which owns the originals; the copies belong
 * to nobody until the receiver gets them.
 */
final class ValueCopy {
    private final IdentityHashMap<LuaTable, LuaTable> seen = new IdentityHashMap<>();

    private ValueCopy() {}

    /** Copies values; what says what they are in an error ("argument", "result"). */
    static Object[] copyAll(Object[] values, String what) {
        if (values.length == 0) return values;
        ValueCopy c = null;
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof LuaTable) {
                if (c == null) c = new ValueCopy();
                out[i] = c.copy(v, what + " " + (i + 1));
            } else {
                out[i] = scalar(v, what + " " + (i + 1));
            }
        }
        return out;
    }

    private Object copy(Object v, String where) {
        if (!(v instanceof LuaTable t)) return scalar(v, where);
        LuaTable done = seen.get(t);
        if (done != null) return done;
        LuaTable copy = new LuaTable();
        seen.put(t, copy);
        Object[] kv = new Object[2];
        Object key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            Object k = copy(key, where);
            copy.rawset(k, copy(kv[1], where + "[" + describeKey(key) + "]"));
        }
        return copy;
    }

    private static String describeKey(Object k) {
        if (k instanceof String s) return "\"" + LuaString.toJava(s) + "\"";
        if (k instanceof Long || k instanceof Double || k instanceof Boolean) return String.valueOf(k);
        return Lua.typeName(k);
    }

    /** Immutable Lua values as they are; Java boxes converted to Lua's; anything else refused. */
    static Object scalar(Object v, String where) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof Character ch) return LuaString.fromJava(String.valueOf(ch));
        String type = v instanceof LuaTable ? "table" : isLua(v) ? Lua.typeName(v) : "Java object (" + v.getClass().getName() + ")";
        throw new SessionException(SessionException.Kind.BAD_VALUE,
                "cannot send a " + type + (isLua(v) ? " value" : "") + " to another session (" + where + ")");
    }

    private static boolean isLua(Object v) {
        return v instanceof org.luahost.vm.LuaFunction || v instanceof org.luahost.vm.LuaThreadHandle
                || v instanceof org.luahost.vm.LuaUserdata;
    }
}
