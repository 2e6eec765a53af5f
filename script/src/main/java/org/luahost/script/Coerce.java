package org.luahost.script;

import org.luahost.coroutines.ValueException;
import org.luahost.coroutines.Values;

/**
 * A Lua result as the return type of an interface method implemented in Lua
 * ({@code getInterface}): {@code void} drops it; {@code boolean} takes Lua
 * truth (nil and false are false); {@code String} also takes numbers (as
 * Lua's {@code tostring} writes them); everything else is the typed
 * conversion {@link Values#toJava(Object, Class, String)} (numbers that fit,
 * records from tables, arrays, lists, maps, enums). A value that does not
 * convert is a {@link ClassCastException} naming the method.
 */
final class Coerce {
    private Coerce() {}

    /** v is the raw Lua value; L formats numbers. */
    static Object to(org.luahost.vm.LuaState L, Class<?> type, Object v, String method) {
        if (type == void.class || type == Void.class) return null;
        if (type == boolean.class || type == Boolean.class) return v != null && !Boolean.FALSE.equals(v);
        if ((type == String.class || type == CharSequence.class) && (v instanceof Long || v instanceof Double)) {
            return L.tostring(v);   // "3.0", "1e+100": ASCII, so the Lua string is the Java text
        }
        try {
            return Values.toJava(v, type, "result");
        } catch (ValueException e) {
            ClassCastException c = new ClassCastException(method + ": " + e.getMessage());
            c.initCause(e);
            return throwIt(c);
        }
    }

    private static Object throwIt(ClassCastException e) { throw e; }

}
