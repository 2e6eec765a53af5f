/**
 * The {@code javax.script} (JSR-223) engine for Lua: found by
 * {@code new ScriptEngineManager().getEngineByName("lua")}, by the extension
 * {@code lua} and by the MIME types {@code text/x-lua} and {@code application/x-lua}.
 */
module org.luahost.script {
    requires transitive org.luahost.vm;
    requires transitive org.luahost.coroutines;
    requires transitive java.scripting;

    exports org.luahost.script;

    provides javax.script.ScriptEngineFactory with org.luahost.script.LuaScriptEngineFactory;
}
