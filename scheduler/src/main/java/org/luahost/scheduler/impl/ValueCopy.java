package org.luahost.scheduler.impl;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;

import org.luahost.coroutines.ValueException;
import org.luahost.coroutines.ValueLimits;
import org.luahost.coroutines.ValuePath;
import org.luahost.scheduler.SessionException;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaTable;

/**
 * Deep copies of Lua values crossing between sessions (or between a
 * session and Java), so that sessions share nothing. Strings, numbers and
 * booleans are immutable and pass as they are; tables are copied with their
 * cycles and shared references preserved (one copy per original table);
 * metatables are not copied. Functions, coroutines and userdata (Java
 * objects) cannot cross: they fail with a {@link SessionException} of kind
 * {@code BAD_VALUE} naming where the value was ({@code argument 1.items[3]}).
 *
 * <p>The copy walks with an explicit stack (no recursion) within
 * {@link ValueLimits#DEFAULT} (nesting depth, entries); the path of an error
 * is built only when it happens.
 *
 * <p>Runs on the sending side, which owns the originals; the copies belong
 * to nobody until the receiver gets them.
 */
final class ValueCopy {
    private final IdentityHashMap<LuaTable, LuaTable> seen = new IdentityHashMap<>();
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private final ValueLimits limits;
    private long entries;

    /** One table being copied: the original, its copy, the last key done. */
    private static final class Frame {
        final LuaTable from;
        final LuaTable to;
        final ValuePath path;
        Object key;

        Frame(LuaTable from, LuaTable to, ValuePath path) {
            this.from = from;
            this.to = to;
            this.path = path;
        }
    }

    /** What the copy is for, in an error: "send a %s to another session" (%s: "function value", "table nested ..."). */
    private final String purpose;

    private ValueCopy(ValueLimits limits, String purpose) {
        this.limits = limits;
        this.purpose = purpose;
    }

    /** The purpose of a copy sent to another session (host.send, host.call's arguments, Java's calls). */
    static final String TO_SESSION = "send a %s to another session";

    /** Copies values; what says what they are in an error ("argument", "result"). */
    static Object[] copyAll(Object[] values, String what) { return copyAll(values, what, TO_SESSION); }

    /**
     * Copies values; what says what they are in an error ("argument",
     * "result"), purpose what the copy is for: "cannot " + purpose with
     * "%s" replaced by what could not be copied ("function value"), then the
     * path of that value.
     */
    static Object[] copyAll(Object[] values, String what, String purpose) {
        if (values.length == 0) return values;
        ValueCopy c = null;
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof LuaTable) {
                if (c == null) c = new ValueCopy(ValueLimits.DEFAULT, purpose);
                out[i] = c.copy(v, what + " " + (i + 1));
            } else if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
                out[i] = v;   // the common case: no path (its text is built only for an error)
            } else {
                out[i] = scalar(v, ValuePath.root(what + " " + (i + 1)), purpose);
            }
        }
        return out;
    }

    private Object copy(Object root, String where) {
        try {
            Object out = value(root, ValuePath.root(where));
            Object[] kv = new Object[2];
            while (!stack.isEmpty()) {
                Frame f = stack.peek();
                if (!f.from.next(f.key, kv)) {
                    stack.pop();
                    continue;
                }
                f.key = kv[0];
                Object x = kv[1];
                if (++entries > limits.maxEntries()) throw limits.tooMany(f.path);
                ValuePath at = f.path.child(f.key);
                Object k = value(f.key, at);
                f.to.rawset(k, value(x, at));
            }
            return out;
        } catch (ValueException e) {
            throw new SessionException(SessionException.Kind.BAD_VALUE, e.getMessage());
        }
    }

    private Object value(Object v, ValuePath at) {
        if (!(v instanceof LuaTable t)) return scalar(v, at, purpose);
        LuaTable done = seen.get(t);
        if (done != null) return done;
        if (at.depth() >= limits.maxDepth()) {
            throw new ValueException(purpose == TO_SESSION ? "cannot send a value nested deeper than " + limits.maxDepth() + " levels"
                    : "cannot " + purpose.formatted("value nested deeper than " + limits.maxDepth() + " levels"), at.text());
        }
        LuaTable copy = new LuaTable();
        seen.put(t, copy);
        stack.push(new Frame(t, copy, at));
        return copy;
    }

    /** Immutable Lua values as they are; Java boxes converted to Lua's; anything else refused. */
    static Object scalar(Object v, ValuePath where, String purpose) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        String type = v instanceof LuaTable ? "table" : isLua(v) ? Lua.typeName(v) : "Java object (" + v.getClass().getName() + ")";
        throw new SessionException(SessionException.Kind.BAD_VALUE,
                "cannot " + purpose.formatted(type + (isLua(v) ? " value" : "")) + " (" + where.text() + ")");
    }

    private static boolean isLua(Object v) {
        return v instanceof org.luahost.vm.LuaFunction || v instanceof org.luahost.vm.LuaThreadHandle
                || v instanceof org.luahost.vm.LuaUserdata;
    }
}
