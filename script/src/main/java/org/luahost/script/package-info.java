/**
 * The {@code javax.script} (JSR-223) engine for Lua 5.4:
 * {@link org.luahost.script.LuaScriptEngineFactory} (found by
 * {@code ScriptEngineManager} as {@code lua}, by extension {@code lua} and MIME
 * types {@code text/x-lua}, {@code application/x-lua}) and
 * {@link org.luahost.script.LuaScriptEngine} ({@code Invocable},
 * {@code Compilable}; one Lua state per engine; bindings, conversions and
 * thread rules are in its class comment).
 *
 * <pre>{@code
 * ScriptEngine lua = new ScriptEngineManager().getEngineByName("lua");
 * lua.put("name", "ann");
 * lua.eval("function greet(who) return 'hello, ' .. who end");
 * Object s = ((Invocable) lua).invokeFunction("greet", lua.get("name"));   // "hello, ann"
 * }</pre>
 */
package org.luahost.script;
