package org.luahost.cli;

import java.util.List;
import java.util.Map;

/**
 * The environment every comparison with {@code lua5.4} runs both interpreters
 * in (the corpus, the real libraries, the generated programs): no Lua or JVM
 * settings inherited from the caller, the C locale and UTC, so that outputs
 * depend only on the program.
 */
public final class ReferenceEnv {
    private ReferenceEnv() {}

    /** Variables removed from a child's environment. */
    private static final List<String> INHERITED = List.of("LUA_INIT", "LUA_INIT_5_4", "LUA_PATH", "LUA_PATH_5_4",
            "LUA_CPATH", "LUA_CPATH_5_4", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    /** Sets pb's environment as described above. */
    public static void apply(ProcessBuilder pb) {
        Map<String, String> env = pb.environment();
        INHERITED.forEach(env::remove);
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        env.put("TZ", "UTC");
    }
}
