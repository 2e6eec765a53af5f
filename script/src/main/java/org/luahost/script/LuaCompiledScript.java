package org.luahost.script;

import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

import org.luahost.coroutines.Values;
import org.luahost.vm.LuaFunction;

/**
 * A chunk compiled once by {@link LuaScriptEngine#compile}: evaluating it in a
 * context whose ENGINE_SCOPE is the engine's globals calls the compiled
 * function again (no parsing); in a context with bindings of its own, the
 * chunk is compiled anew with an environment over them (a Lua function's
 * environment is fixed when it is loaded). Thread rules as the engine's.
 */
final class LuaCompiledScript extends CompiledScript {
    private final LuaScriptEngine engine;
    private final String source;
    private final LuaFunction onGlobals;   // null when compiled for a context with its own bindings

    LuaCompiledScript(LuaScriptEngine engine, String source, LuaFunction compiled, boolean onGlobals) {
        this.engine = engine;
        this.source = source;
        this.onGlobals = onGlobals ? compiled : null;
    }

    @Override
    public Object eval(ScriptContext ctx) throws ScriptException {
        Object[] r = engine.run(ctx, () -> {
            LuaFunction f = onGlobals != null && engine.environments().usesGlobals(ctx) ? onGlobals : engine.load(source, ctx);
            return engine.state().call(f);
        });
        return Values.toJava(LuaFunction.first(r));
    }

    @Override
    public ScriptEngine getEngine() { return engine; }
}
