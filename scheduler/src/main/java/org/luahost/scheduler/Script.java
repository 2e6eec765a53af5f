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

    /** A script read from a file now (its bytes, unchanged); messages say {@code file.lua:line:}. */
    public static Script file(Path path) {
        try {
            return new Script("@" + path, LuaString.fromBytes(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
