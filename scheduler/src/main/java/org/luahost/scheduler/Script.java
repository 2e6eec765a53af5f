package org.luahost.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.luahost.vm.LuaString;

/**
 * The Lua source a session starts from: a chunk name (as in error messages,
 * {@code chat.lua:3: ...}) and the chunk's text as a Lua byte string (one
 * char per byte).
 */
public record Script(String chunkName, String source) {
    public Script {
        Objects.requireNonNull(chunkName, "chunkName");
        Objects.requireNonNull(source, "source");
    }

    /** A script given as Java text (encoded as UTF-8); name appears in messages as {@code name:line:}. */
    public static Script of(String name, String text) {
        return new Script("=" + name, LuaString.fromJava(text));
    }

    /**
     * A script read from a file now; messages say {@code file.lua:line:}. As
     * the reference's {@code luaL_loadfile} reads a file, a leading UTF-8
     * byte-order mark is dropped and a first line starting with {@code #}
     * (a shebang) is skipped, keeping its newline so line numbers stay right.
     */
    public static Script file(Path path) {
        try {
            return new Script("@" + path, skipHeader(LuaString.fromBytes(Files.readAllBytes(path))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String skipHeader(String text) {
        if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.substring(3);
        if (text.startsWith("#")) {
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl);
        }
        return text;
    }
}
