package org.luahost.script;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.script.Bindings;

import org.luahost.coroutines.Values;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;

/**
 * An engine's {@code ENGINE_SCOPE}: a live view of its Lua globals. Names are
 * Java text (stored as the UTF-8 bytes Lua sees); {@link #get} converts with
 * {@link Values#toJava}, {@link #put} with {@link Values#toLua}, putting null
 * removes the global. {@link #entrySet} is a snapshot of the globals with
 * string names, taken when called; changing it does not change the globals.
 *
 * <p>Thread-safety: each operation holds the state's turn (waiting while a
 * script runs), except on the engine's own Lua threads.
 */
final class GlobalsBindings extends AbstractMap<String, Object> implements Bindings {
    private final LuaScriptEngine engine;

    GlobalsBindings(LuaScriptEngine engine) { this.engine = engine; }

    LuaScriptEngine engine() { return engine; }

    @Override
    public Object put(String name, Object value) {
        String key = key(name);
        return engine.withState(() -> {
            LuaTable g = engine.globals();
            Object old = Values.toJava(g.rawget(key));
            g.rawset(key, Values.toLua(engine.state(), value));
            return old;
        });
    }

    @Override
    public void putAll(Map<? extends String, ?> toMerge) {
        toMerge.forEach(this::put);
    }

    @Override
    public boolean containsKey(Object name) {
        String key = key(name);
        return engine.withState(() -> engine.globals().rawget(key) != null);
    }

    @Override
    public Object get(Object name) {
        String key = key(name);
        return engine.withState(() -> Values.toJava(engine.globals().rawget(key)));
    }

    @Override
    public Object remove(Object name) {
        String key = key(name);
        return engine.withState(() -> {
            LuaTable g = engine.globals();
            Object old = Values.toJava(g.rawget(key));
            g.rawset(key, null);
            return old;
        });
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return engine.withState(() -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            LuaTable g = engine.globals();
            Object[] kv = new Object[2];
            Object k = null;
            while (g.next(k, kv)) {
                k = kv[0];
                if (k instanceof String s) copy.put((String) Values.toJava(s), Values.toJava(kv[1]));
            }
            return copy.entrySet();
        });
    }

    /** The Bindings contract: null names are a NullPointerException, empty ones and non-strings an IllegalArgumentException. */
    private static String key(Object name) {
        Objects.requireNonNull(name, "name");
        if (!(name instanceof String s)) throw new ClassCastException("a binding's name is a String");
        if (s.isEmpty()) throw new IllegalArgumentException("a binding's name is empty");
        return LuaString.fromJava(s);
    }
}
