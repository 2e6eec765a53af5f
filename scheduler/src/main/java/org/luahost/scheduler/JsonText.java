package org.luahost.scheduler;

import org.luahost.coroutines.LuaWalker;
import org.luahost.coroutines.ValueException;
import org.luahost.coroutines.ValuePath;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;

/**
 * The JSON text writer behind {@link LuaJson#encodeArray}: a
 * {@link LuaWalker.Sink} that appends to one buffer, counts the UTF-8 bytes
 * it wrote and stops with a {@link ValueException} of kind SIZE past its
 * limit (so a huge result costs at most the limit, never the whole value).
 * Strings are written as UTF-8 text; control characters, {@code "} and
 * {@code \} escaped; a byte that is not valid UTF-8 as its surrogate escape
 * {@code \\udcXX}.
 *
 * <p>One instance per encode, on one thread.
 */
final class JsonText implements LuaWalker.Sink {
    private final StringBuilder b = new StringBuilder();
    private final long maxBytes;
    private long bytes;
    private final StringBuilder closers = new StringBuilder();
    private final java.util.BitSet notFirst = new java.util.BitSet();
    private boolean afterKey;

    JsonText(long maxBytes) { this.maxBytes = maxBytes; }

    /** The text written (the buffer holds UTF-8 bytes one per char, all valid: decoding loses nothing). */
    String text() { return LuaString.toJava(b.toString()); }

    private void separate() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        int d = closers.length();
        if (d == 0) return;
        if (notFirst.get(d)) raw(',');
        notFirst.set(d);
    }

    private void raw(char c) {
        b.append(c);
        if (++bytes > maxBytes) tooLarge(null);
    }

    private void tooLarge(ValuePath at) {
        throw new ValueException(ValueException.Kind.SIZE, "JSON larger than " + maxBytes + " bytes (the result size limit)",
                at == null ? null : at.text());
    }

    @Override
    public void scalar(Object v, ValuePath at) {
        separate();
        switch (v) {
            case null -> ascii("null");
            case Boolean x -> ascii(x ? "true" : "false");
            case Long l -> ascii(Long.toString(l));
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    throw new ValueException("cannot encode " + LuaString.toJava(Lua.numberToString(d)) + " as JSON", at.text());
                }
                ascii(Double.toString(d));
            }
            case String s -> string(s);
            default -> throw new ValueException("cannot encode a " + Lua.typeName(v) + " value as JSON", at.text());
        }
    }

    @Override
    public void key(Object k, ValuePath at) {
        int d = closers.length();
        if (notFirst.get(d)) raw(',');
        notFirst.set(d);
        switch (k) {
            case String s -> string(s);
            case Long l -> string(Long.toString(l));
            case Double x -> string(Lua.numberToString(x));
            default -> throw new ValueException("cannot encode a table with a " + Lua.typeName(k) + " key as JSON", at.text());
        }
        raw(':');
        afterKey = true;
    }

    @Override
    public void beginArray(LuaTable t, long n, ValuePath at) { open('[', ']'); }

    @Override
    public void beginObject(LuaTable t, ValuePath at) { open('{', '}'); }

    private void open(char c, char closer) {
        separate();
        raw(c);
        closers.append(closer);
        notFirst.clear(closers.length());
    }

    @Override
    public void end() {
        int d = closers.length();
        char c = closers.charAt(d - 1);
        closers.setLength(d - 1);
        raw(c);
    }

    @Override
    public void again(LuaTable t, boolean open, ValuePath at) {
        throw new ValueException("cannot encode a table with a cycle as JSON", at.text());
    }

    private void ascii(String s) {
        b.append(s);
        bytes += s.length();
        if (bytes > maxBytes) tooLarge(null);
    }

    /** A Lua string (bytes) as a JSON string of its UTF-8 text. */
    private void string(String lua) {
        raw('"');
        int n = lua.length();
        int i = 0;
        while (i < n) {
            int c = lua.charAt(i) & 0xFF;
            if (c >= 0x80) {
                int len = utf8Length(lua, i);
                if (len == 0) {
                    b.append("\\udc").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    bytes += 6;
                    i++;
                } else {
                    for (int k = 0; k < len; k++) b.append(lua.charAt(i + k));   // still bytes: decoded below
                    i += len;
                    bytes += len;
                }
            } else {
                escape(c);
                i++;
            }
            if (bytes > maxBytes) tooLarge(null);
        }
        raw('"');
    }

    private void escape(int c) {
        switch (c) {
            case '"' -> { b.append("\\\""); bytes += 2; }
            case '\\' -> { b.append("\\\\"); bytes += 2; }
            case '\n' -> { b.append("\\n"); bytes += 2; }
            case '\r' -> { b.append("\\r"); bytes += 2; }
            case '\t' -> { b.append("\\t"); bytes += 2; }
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    b.append(String.format("\\u%04x", c));
                    bytes += 6;
                } else {
                    b.append((char) c);
                    bytes++;
                }
            }
        }
    }

    /** The length of the valid UTF-8 sequence at i (2..4), or 0. */
    private static int utf8Length(String s, int i) {
        int c = s.charAt(i) & 0xFF;
        int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (len == 0 || i + len > s.length()) return 0;
        int cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < len; k++) {
            int d = s.charAt(i + k) & 0xFF;
            if ((d & 0xC0) != 0x80) return 0;
            cp = cp << 6 | d & 0x3F;
        }
        if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
        if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
        return len;
    }
}
