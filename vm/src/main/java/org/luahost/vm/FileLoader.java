package org.luahost.vm;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading a chunk from a file as the reference's {@code luaL_loadfilex} does,
 * for {@link LuaState#loadFile}: the file's bytes (or stdin's), a leading
 * UTF-8 byte-order mark dropped, a first line starting with {@code #}
 * skipped (keeping its newline, so line numbers stay right; a binary chunk
 * may follow it directly), and the reference's wording when the file cannot
 * be read ("cannot open x: No such file or directory").
 */
final class FileLoader {
    private FileLoader() {}

    /** The chunk text of a file (null: the state's stdin) and its chunk name, as {text, chunkName}. */
    static String[] read(LuaState L, String name) {
        byte[] bytes;
        String chunkName;
        try {
            if (name == null) {
                bytes = L.stdin.readAllBytes();
                chunkName = "=stdin";
            } else {
                // fopen("") fails with ENOENT; Path.of("") would be the working folder
                if (name.isEmpty()) throw new NoSuchFileException(name);
                bytes = Files.readAllBytes(Path.of(LuaString.toJava(name)));
                chunkName = "@" + name;
            }
        } catch (IOException | InvalidPathException e) {
            throw new LuaError(cannotRead(name, e));
        }
        String text = skipBom(LuaString.fromBytes(bytes));
        if (text.startsWith("#")) {
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl);   // keep the newline so line numbers stay right
            if (text.length() > 1 && text.charAt(1) == '\033') text = text.substring(1);   // a binary chunk: no newline
        }
        return new String[] {text, chunkName};
    }

    /** "cannot open NAME: REASON" (or "cannot read"), with the C library's wording of the reason. */
    private static String cannotRead(String name, Exception e) {
        String what = name == null ? "stdin" : name;
        boolean open = e instanceof NoSuchFileException || e instanceof AccessDeniedException;
        String reason = e instanceof NoSuchFileException ? "No such file or directory"
                : e instanceof AccessDeniedException ? "Permission denied"
                : Files.isDirectory(Path.of(LuaString.toJava(name == null ? "." : name))) ? "Is a directory"
                : LuaString.fromJava(String.valueOf(e.getMessage()));
        return "cannot " + (open ? "open" : "read") + " " + what + ": " + reason;
    }

    /**
     * luaL_loadfilex's skipBOM: a leading UTF-8 byte-order mark is dropped. A
     * broken one is read as far as it matches and that much is lost, except
     * its first byte (so the chunk fails at that byte, as the reference's does).
     */
    static String skipBom(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) != 0xEF) return text;
        if (n > 1 && text.charAt(1) == 0xBB) {
            if (n > 2 && text.charAt(2) == 0xBF) return text.substring(3);
            return "\u00EF" + text.substring(Math.min(3, n));
        }
        return "\u00EF" + text.substring(Math.min(2, n));
    }
}
