package org.luahost.scheduler.impl;

import org.luahost.coroutines.ValueException;
import org.luahost.coroutines.ValueLimits;
import org.luahost.coroutines.Values;
import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.SessionException;

/**
 * The Java API's side of the value boundary ({@code LuaHost.call/send},
 * {@code Session.call/send}): arguments are Java values converted by
 * {@link Values#toLua} (Java text to UTF-8, {@code Map}, {@code List},
 * arrays, records, {@code JsonObject}, {@code JsonArray}; Lua values pass as
 * they are and are copied afterwards), results have their strings read as
 * Java text ({@link Values#toJava}); tables in results stay Lua tables
 * (copies), which {@link Values#toJavaDeep} or {@link LuaJson#toJson} turn
 * into Java or JSON values. Errors are {@code BAD_VALUE} naming the argument.
 *
 * <p>Stateless; any thread.
 */
final class JavaValues {
    private JavaValues() {}

    static Object[] arguments(Object[] javaArgs) {
        Object[] out = new Object[javaArgs.length];
        try {
            for (int i = 0; i < out.length; i++) {
                Object v = javaArgs[i];
                // nil, booleans and numbers are Lua values as they are: no converter, no path text (per send)
                out[i] = v == null || v instanceof Long || v instanceof Double || v instanceof Boolean ? v
                        : Values.toLua(null, v, ValueLimits.DEFAULT, LuaJson.unwrap(), "argument " + (i + 1));
            }
        } catch (ValueException e) {
            throw new SessionException(SessionException.Kind.BAD_VALUE, e.getMessage());
        }
        return out;
    }

    static Object[] results(Object[] luaResults) {
        Object[] out = luaResults.clone();
        for (int i = 0; i < out.length; i++) out[i] = Values.toJava(out[i]);
        return out;
    }
}
