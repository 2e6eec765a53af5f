package org.luahost.vm;

import java.nio.charset.StandardCharsets;

/**
 * Lua strings are byte strings. luahost represents them as {@code java.lang.String}
 * values whose chars are all in 0..255: one char per byte (the bytes decoded as
 * ISO-8859-1). The JDK stores such strings compactly (one byte per char) and
 * caches their hash, so equality, hashing and concatenation are the JDK's fast
 * paths, and {@code #s}, {@code string.byte} and patterns count bytes as Lua does.
 *
 * <p>Text that comes from Java (file names, exception messages, environment
 * variables) must cross through {@link #fromJava} (UTF-8 encode) and text
 * going to Java APIs through {@link #toJava} (UTF-8 decode); raw bytes through
 * {@link #fromBytes} and {@link #toBytes}.
 */
public final class LuaString {
    private LuaString() {}

    /** Bytes to a Lua string. */
    public static String fromBytes(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }

    public static String fromBytes(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** A Lua string's bytes. */
    public static byte[] toBytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    /** A Java (UTF-16) string as a Lua string of its UTF-8 bytes. */
    public static String fromJava(String s) {
        if (s == null) return null;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return fromBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        return s;
    }

    /** A Lua string's bytes read as UTF-8, for Java APIs (file names, messages). */
    public static String toJava(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return new String(toBytes(s), StandardCharsets.UTF_8);
        }
        return s;
    }
}
