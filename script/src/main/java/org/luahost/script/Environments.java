package org.luahost.script;

import javax.script.Bindings;
import javax.script.ScriptContext;

import org.luahost.coroutines.Values;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;

/**
 * How a script sees names, per script context (see {@link LuaScriptEngine}'s
 * "Bindings"): the globals with {@code GLOBAL_SCOPE} behind them, or an
 * environment table over the context's own {@code ENGINE_SCOPE} bindings.
 *
 * <p>Used on the engine's Lua threads (the metamethods) or with the state's
 * turn held.
 */
final class Environments {
    private final LuaScriptEngine engine;
    private LuaFunction indexer;   // local o, k = ... return o[k] (with metamethods), made on first use

    Environments(LuaScriptEngine engine) { this.engine = engine; }

    /** Gives {@code _G} a metatable whose {@code __index} reads the current context's GLOBAL_SCOPE. */
    void installGlobalScope() {
        LuaTable mt = new LuaTable();
        mt.rawset("__index", JavaFunction.of("GLOBAL_SCOPE", (th, a) -> JavaFunction.ret(fromGlobalScope(arg(a, 1)))));
        engine.globals().setMetatable(mt);
    }

    /** True when ctx's ENGINE_SCOPE is this engine's live view of the globals. */
    boolean usesGlobals(ScriptContext ctx) {
        return ctx.getBindings(ScriptContext.ENGINE_SCOPE) instanceof GlobalsBindings g && g.engine() == engine;
    }

    /**
     * An environment for a chunk run in ctx whose ENGINE_SCOPE is not the
     * globals: reads the bindings, then the globals (and GLOBAL_SCOPE);
     * assignments to names go to the bindings (nil removes), other keys to the
     * table itself.
     */
    LuaTable over(ScriptContext ctx) {
        Bindings b = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        LuaTable env = new LuaTable();
        LuaTable mt = new LuaTable();
        mt.rawset("__index", JavaFunction.of("ENGINE_SCOPE", (th, a) -> JavaFunction.ret(lookup(b, arg(a, 1)))));
        mt.rawset("__newindex", JavaFunction.of("ENGINE_SCOPE", (th, a) -> {
            Object key = arg(a, 1);
            Object value = arg(a, 2);
            String name = name(key);
            if (name == null) {
                env.rawset(key, value);
            } else if (value == null) {
                b.remove(name);
            } else {
                b.put(name, Values.toJava(value));
            }
            return LuaFunction.NONE;
        }));
        env.setMetatable(mt);
        return env;
    }

    /** What the name (a Java string) means in ctx: a Lua value, or null. */
    Object lookup(ScriptContext ctx, String name) {
        String key = LuaString.fromJava(name);
        return usesGlobals(ctx) ? global(key) : lookup(ctx.getBindings(ScriptContext.ENGINE_SCOPE), key);
    }

    private Object lookup(Bindings b, Object key) {
        String name = name(key);
        if (name != null && b != null && b.containsKey(name)) return Values.toLua(engine.state(), b.get(name));
        return global(key);
    }

    private Object global(Object key) {
        Object v = engine.globals().rawget(key);
        return v != null ? v : fromGlobalScope(key);
    }

    private Object fromGlobalScope(Object key) {
        String name = name(key);
        if (name == null) return null;
        Bindings g = engine.currentContext().getBindings(ScriptContext.GLOBAL_SCOPE);
        if (g == null || !g.containsKey(name)) return null;
        return Values.toLua(engine.state(), g.get(name));
    }

    /** o[k] with Lua's indexing rules (metamethods included); on a Lua thread of the engine. */
    Object index(Object o, Object k) {
        if (indexer == null) indexer = engine.state().load("local o, k = ... return o[k]", "=index", "t", null);
        return LuaFunction.first(engine.state().call(indexer, o, k));
    }

    /** A Lua key as a binding name (Java text), or null when it cannot be one (not a string, or empty). */
    private static String name(Object key) {
        return key instanceof String s && !s.isEmpty() ? (String) Values.toJava(s) : null;
    }

    private static Object arg(Object[] a, int i) { return i < a.length ? a[i] : null; }
}
