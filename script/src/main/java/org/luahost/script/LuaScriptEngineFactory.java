package org.luahost.script;

import java.util.List;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

import org.luahost.vm.Profile;

/**
 * The factory {@code javax.script.ScriptEngineManager} finds (through the
 * service file and the module's {@code provides}): names {@code lua},
 * {@code Lua} and {@code luahost}, extension {@code lua}, MIME types
 * {@code text/x-lua} and {@code application/x-lua}. Each
 * {@link #getScriptEngine()} is a new {@link LuaScriptEngine} with a Lua state
 * of its own, with every standard library ({@link Profile#TRUSTED}).
 *
 * <p>Its {@code THREADING} parameter is {@code null}: an engine is not meant
 * to run scripts on several threads at once (calls from several threads are
 * serialized, see {@link LuaScriptEngine}). Thread-safe (immutable).
 */
public final class LuaScriptEngineFactory implements ScriptEngineFactory {
    static final String ENGINE_VERSION = "0.1.0";

    @Override public String getEngineName() { return "luahost"; }
    @Override public String getEngineVersion() { return ENGINE_VERSION; }
    @Override public List<String> getExtensions() { return List.of("lua"); }
    @Override public List<String> getMimeTypes() { return List.of("text/x-lua", "application/x-lua"); }
    @Override public List<String> getNames() { return List.of("lua", "Lua", "luahost"); }
    @Override public String getLanguageName() { return "Lua"; }
    @Override public String getLanguageVersion() { return "5.4"; }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> "lua";
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            default -> null;   // "THREADING" included: not thread-safe
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + ":" + m + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        StringBuilder b = new StringBuilder("print(\"");
        for (char c : toDisplay.toCharArray()) {
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append("\")").toString();
    }

    @Override
    public String getProgram(String... statements) {
        return String.join("\n", statements);
    }

    @Override
    public ScriptEngine getScriptEngine() { return new LuaScriptEngine(this, Profile.TRUSTED); }
}
